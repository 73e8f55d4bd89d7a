package io.newsmon.api.alert;

import io.newsmon.api.problem.QueryParams;
import io.newsmon.domain.topic.Topic;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The links in alert e-mails (signed, no login: a recipient has no account) and the delivery history of a
 * topic for its owner.
 */
@Path("/api/alerts")
public class AlertResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance paused(Topic topic);

        static native TemplateInstance confirmPause(Topic topic, String action);

        static native TemplateInstance confirmed(Topic topic);
    }

    private final AlertService alerts;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public AlertResource(AlertService alerts, SecurityIdentity identity, JsonWebToken token) {
        this.alerts = alerts;
        this.identity = identity;
        this.token = token;
    }

    /**
     * The signed link of an e-mail, opened in a browser: a page with a button that pauses. A GET changes
     * nothing, so mail scanners that fetch every link do not pause topics.
     */
    @GET
    @Path("pause")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page behind an e-mail's signed pause link: a button that pauses (no login)")
    public String confirmPause(@QueryParam("topic") String topic, @QueryParam("sig") String sig, @Context UriInfo uri) {
        Topic t = alerts.signed(QueryParams.requiredId("topic", topic), sig);
        return Templates.confirmPause(
                        t,
                        uri.getRequestUri().getRawPath() + "?"
                                + uri.getRequestUri().getRawQuery())
                .render();
    }

    /** The page's button, and RFC 8058 one-click: mail clients POST {@code List-Unsubscribe=One-Click} here. */
    @POST
    @Path("pause")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Pause a topic's alerts: the signed link's button, or RFC 8058 one-click (no login)")
    public String pause(@QueryParam("topic") String topic, @QueryParam("sig") String sig) {
        return Templates.paused(alerts.pause(QueryParams.requiredId("topic", topic), sig))
                .render();
    }

    @GET
    @Path("confirm")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Confirm an extra recipient of a topic's alerts from its e-mail link (no login)")
    public String confirm(@QueryParam("token") String confirmToken) {
        return Templates.confirmed(alerts.confirm(confirmToken)).render();
    }

    @GET
    @Path("deliveries")
    @RolesAllowed({"analyst", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A topic's alert e-mails newest first, with state, attempts and the last SMTP error")
    public List<AlertService.DeliveryView> deliveries(
            @QueryParam("topic") String topic, @QueryParam("page") String page, @QueryParam("size") String size) {
        return alerts.deliveries(
                QueryParams.requiredId("topic", topic),
                token.getSubject(),
                identity.hasRole("admin"),
                QueryParams.intIn("page", page, 0, 0, 100_000),
                QueryParams.intIn("size", size, 50, 1, 200));
    }
}
