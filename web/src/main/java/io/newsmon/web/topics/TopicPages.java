package io.newsmon.web.topics;

import io.newsmon.domain.dto.TopicBackTest;
import io.newsmon.domain.dto.TopicMatchView;
import io.newsmon.domain.dto.TopicRequest;
import io.newsmon.domain.dto.TopicView;
import io.newsmon.web.api.NewsmonApi;
import io.newsmon.web.dashboard.ApiCalls;
import io.newsmon.web.dashboard.ApiRefused;
import io.newsmon.web.display.DisplayZone;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The dashboard's topic pages: the user's topics, a form to create or edit one with a back-test preview
 * (what it would have matched in the last week), pause, delete, and each topic's matches and e-mails.
 * Forms post to the dashboard itself with a CSRF token (quarkus-rest-csrf refuses a post without it).
 */
@Path("/topics")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TopicPages {

    private static final Logger LOG = Logger.getLogger(TopicPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(String user, List<TopicView> topics);

        static native TemplateInstance form(String user, TopicForm form, TopicBackTest preview);

        static native TemplateInstance topic(
                String user,
                TopicView topic,
                TopicForm form,
                TopicBackTest preview,
                List<TopicMatchView> matches,
                List<Map<String, Object>> deliveries,
                String deliveriesError,
                int matchPage,
                boolean moreMatches);
    }

    private final NewsmonApi api;
    private final SecurityIdentity identity;
    private final DisplayZone displayZone;

    public TopicPages(@RestClient NewsmonApi api, SecurityIdentity identity, DisplayZone displayZone) {
        this.api = api;
        this.identity = identity;
        this.displayZone = displayZone;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(user(), ApiCalls.call(api::topics));
    }

    @GET
    @Path("new")
    public TemplateInstance newTopic(
            @QueryParam("name") String name,
            @QueryParam("query") String query,
            @QueryParam("filter") String filter,
            @QueryParam("stem") String stem) {
        return Templates.form(
                user(),
                TopicForm.prefilled(
                        name,
                        query,
                        filter,
                        "true".equals(stem),
                        displayZone.zone().getId()),
                null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(@BeanParam TopicFormParams params) {
        TopicForm form = params.form(null);
        try {
            if (params.preview()) {
                return Templates.form(user(), form, ApiCalls.call(() -> api.backTest(form.request())));
            }
            TopicView created = ApiCalls.call(() -> api.createTopic(form.request()));
            return Response.seeOther(URI.create("/topics/" + created.id())).build();
        } catch (ApiRefused r) {
            return Templates.form(user(), form.withError(r.field(), r.getMessage(), r.position()), null);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance topic(@PathParam("id") long id, @QueryParam("page") String page) {
        TopicView t = ApiCalls.call(() -> api.topic(id));
        return page(t, TopicForm.of(t), null, matchPage(page));
    }

    private static int matchPage(String page) {
        try {
            return page == null || page.isBlank() ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object update(@PathParam("id") long id, @BeanParam TopicFormParams params) {
        TopicView current = ApiCalls.call(() -> api.topic(id));
        TopicForm form = params.form(id);
        try {
            if (params.preview()) {
                return page(current, form, ApiCalls.call(() -> api.backTest(form.request())), 0);
            }
            ApiCalls.call(() -> api.updateTopic(id, form.request()));
            return Response.seeOther(URI.create("/topics/" + id)).build();
        } catch (ApiRefused r) {
            return page(current, form.withError(r.field(), r.getMessage(), r.position()), null, 0);
        }
    }

    @POST
    @Path("{id}/pause")
    public Response pause(@PathParam("id") long id, @FormParam("paused") String paused) {
        TopicRequest change =
                new TopicRequest(null, null, null, null, null, null, null, !"false".equals(paused), null, null);
        ApiCalls.call(() -> api.updateTopic(id, change));
        return Response.seeOther(URI.create("/topics/" + id)).build();
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") long id) {
        ApiCalls.call(() -> {
            api.deleteTopic(id);
            return null;
        });
        return Response.seeOther(URI.create("/topics")).build();
    }

    static final int MATCHES_PER_PAGE = 50;

    private TemplateInstance page(TopicView t, TopicForm form, TopicBackTest preview, int matchPage) {
        List<TopicMatchView> matches = ApiCalls.call(() -> api.topicMatches(t.id(), matchPage, MATCHES_PER_PAGE));
        List<Map<String, Object>> deliveries = List.of();
        String deliveriesError = null;
        try {
            deliveries = api.deliveries(t.id());
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            LOG.warnf("the alert history of topic %d could not be read: %s", t.id(), e.getMessage());
            deliveriesError = "The e-mail history could not be read just now.";
        }
        return Templates.topic(
                user(),
                t,
                form,
                preview,
                matches,
                deliveries,
                deliveriesError,
                matchPage,
                matches.size() == MATCHES_PER_PAGE);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
