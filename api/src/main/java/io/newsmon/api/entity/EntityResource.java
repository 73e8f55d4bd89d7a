package io.newsmon.api.entity;

import io.newsmon.api.problem.ProblemException;
import io.newsmon.api.problem.QueryParams;
import io.newsmon.domain.dto.EntityView;
import io.newsmon.domain.dto.PageResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** People, organisations and places across articles. */
@Path("/api/entities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"analyst", "admin"})
public class EntityResource {

    private static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION");

    private final EntityService entities;

    public EntityResource(EntityService entities) {
        this.entities = entities;
    }

    @GET
    @Operation(summary = "Entities by number of articles; filter by type (PERSON, ORGANIZATION, LOCATION) and name")
    public PageResult<EntityView> list(
            @QueryParam("type") String type,
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        String t = null;
        if (type != null && !type.isBlank()) {
            t = type.strip().toUpperCase(Locale.ROOT);
            if (!TYPES.contains(t)) {
                throw ProblemException.badField("type", "must be one of " + TYPES + ", got '" + type + "'");
            }
        }
        return entities.list(
                t,
                q == null || q.isBlank() ? null : q.strip(),
                QueryParams.intIn("page", page, 0, 0, 100_000),
                QueryParams.intIn("size", size, 20, 1, 100));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One entity: written forms, articles per day, co-occurring entities, newest articles")
    public EntityView.Detail get(@PathParam("id") String id) {
        return entities.get(QueryParams.requiredId("id", id));
    }
}
