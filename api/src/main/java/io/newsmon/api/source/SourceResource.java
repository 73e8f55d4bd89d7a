package io.newsmon.api.source;

import io.newsmon.domain.dto.NewSource;
import io.newsmon.domain.dto.SourceView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
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

    @GET
    @Path("/{id}")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "One source with its settings and health")
    public SourceView get(@PathParam("id") long id) {
        return sources.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(
            summary = "Change a source's settings (admin): name, languageHint, pollIntervalSeconds, adaptivePoll,"
                    + " includePattern, excludePattern, maxArticlesPerPoll, enabled; fields left out stay")
    public SourceView update(@PathParam("id") long id, NewSource request) {
        return sources.update(id, request);
    }

    @GET
    @Path("/opml")
    @Produces({"text/x-opml", MediaType.APPLICATION_XML})
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Every source as an OPML 2.0 subscription list")
    public Response exportOpml() {
        return Response.ok(sources.exportOpml())
                .header("Content-Disposition", "attachment; filename=\"newsmon-sources.opml\"")
                .build();
    }

    @POST
    @Path("/opml")
    @Consumes({"text/x-opml", MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed("admin")
    @Operation(summary = "Add every feed of an OPML file that is not a source yet (admin)")
    public SourceService.OpmlReport importOpml(InputStream body) {
        return sources.importOpml(body);
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
