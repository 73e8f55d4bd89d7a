package io.newsmon.api.source;

import io.newsmon.domain.dto.NewSourceTrial;
import io.newsmon.domain.dto.SourceTrialView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Trying a source before adding it (admin): what {@code ./newsmon crawl} prints, run by ingest and read back
 * here while it runs.
 */
@Path("/api/sources/trials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class SourceTrialResource {

    private final SourceTrialService trials;
    private final SecurityIdentity identity;

    public SourceTrialResource(SourceTrialService trials, SecurityIdentity identity) {
        this.trials = trials;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Try a source (admin): ingest fetches the feed and up to maxArticles (1-25, default 10) of its"
                    + " articles once, adding nothing; answers 202 with the trial, then poll its Location")
    public Response start(NewSourceTrial request, UriInfo uri) {
        SourceTrialView trial = trials.start(request, identity.getPrincipal().getName());
        return Response.accepted(trial)
                .location(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(trial.id()))
                        .build())
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A source trial with the lines so far: PENDING until ingest takes it, RUNNING, DONE, FAILED")
    public SourceTrialView get(@PathParam("id") long id) {
        return trials.get(id);
    }
}
