package io.newsmon.api.story;

import io.newsmon.api.problem.QueryParams;
import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.dto.StoryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Stories: articles about the same event from different sources. */
@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"analyst", "admin"})
public class StoryResource {

    private final StoryService stories;

    public StoryResource(StoryService stories) {
        this.stories = stories;
    }

    @GET
    @Operation(summary = "Stories, most recently active first")
    public PageResult<StoryView> list(
            @Parameter(description = "only stories with at least this many sources (default 2)")
                    @QueryParam("minSources")
                    String minSources,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return stories.list(
                QueryParams.intIn("minSources", minSources, 2, 1, 1000),
                QueryParams.intIn("page", page, 0, 0, 100_000),
                QueryParams.intIn("size", size, 20, 1, 100));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One story: its articles oldest first, its sources and the entities it is about")
    public StoryView.Detail get(@PathParam("id") String id) {
        return stories.get(QueryParams.requiredId("id", id));
    }
}
