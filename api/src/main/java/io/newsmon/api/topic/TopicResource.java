package io.newsmon.api.topic;

import io.newsmon.api.problem.QueryParams;
import io.newsmon.domain.dto.TopicBackTest;
import io.newsmon.domain.dto.TopicMatchView;
import io.newsmon.domain.dto.TopicRequest;
import io.newsmon.domain.dto.TopicView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Saved topics of the signed-in user: CRUD, a back-test before saving, match history, a private Atom feed. */
@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    private final TopicService topics;
    private final AtomFeed atom;
    private final SecurityIdentity identity;

    public TopicResource(TopicService topics, AtomFeed atom, SecurityIdentity identity) {
        this.topics = topics;
        this.atom = atom;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "The caller's topics (admins: ?all=true for everyone's)")
    public List<TopicView> list(@QueryParam("all") String all) {
        return topics.list(Caller.of(identity), "true".equalsIgnoreCase(all));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "admin"})
    @Operation(
            summary = "Save a topic: name, query (search language), filter, alertMode (INSTANT, HOURLY, DAILY,"
                    + " WEEKLY, OFF), digestTime, digestWeekday, timeZone, paused, stem, recipients")
    public Response create(TopicRequest request, UriInfo uri) {
        TopicView created = topics.create(Caller.of(identity), request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @POST
    @Path("/backtest")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "What a query would have matched in the last 7 days: count, 10 newest, warnings")
    public TopicBackTest backTest(TopicRequest request) {
        return topics.backTest(request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "One of the caller's topics")
    public TopicView get(@PathParam("id") long id) {
        return topics.get(Caller.of(identity), id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Change a topic; fields left out keep their value")
    public TopicView update(@PathParam("id") long id, TopicRequest request) {
        return topics.update(Caller.of(identity), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Delete a topic with its matches and alert history")
    public Response delete(@PathParam("id") long id) {
        topics.delete(Caller.of(identity), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/matches")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "The topic's matches, newest first, with how each went out")
    public List<TopicMatchView> matches(
            @PathParam("id") long id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return topics.matches(
                Caller.of(identity),
                id,
                QueryParams.intIn("page", page, 0, 0, 100_000),
                QueryParams.intIn("size", size, 50, 1, 200));
    }

    @GET
    @Path("/feed/{token}")
    @PermitAll
    @Produces("application/atom+xml")
    @Operation(summary = "A topic's private Atom feed; the secret token in the URL is the only key")
    public String feed(@PathParam("token") String token) {
        return atom.of(topics.byFeedToken(token));
    }
}
