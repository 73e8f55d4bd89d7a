package io.newsmon.api.source;

import io.newsmon.domain.dto.NewSource;
import io.newsmon.domain.dto.SourceView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The sources ingest polls, with their health; admins add new ones. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceService sources;

    public SourceResource(SourceService sources) {
        this.sources = sources;
    }

    @GET
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "List sources with their last poll, failures and last error")
    public List<SourceView> list() {
        return sources.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Add a feed source (admin)")
    public Response add(NewSource request, UriInfo uri) {
        SourceView created = sources.add(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }
}
