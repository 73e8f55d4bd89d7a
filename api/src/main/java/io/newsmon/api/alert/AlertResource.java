package io.newsmon.api.alert;

import io.newsmon.api.problem.ProblemException;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The links in alert e-mails (signed, no login: a recipient has no account), the delivery history of a
 * topic for its owner, and the admin's resend of deliveries that were given up.
 */
@Path("/api/alerts")
public class AlertResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance paused();

        static native TemplateInstance confirmPause(String action);

        static native TemplateInstance confirmRecipient(String action);

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
     * nothing, so mail scanners that fetch every link do not pause topics, and it names no topic: whoever
     * sees the link learns nothing from the page.
     */
    @GET
    @Path("pause")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page behind an e-mail's signed pause link: a button that pauses (no login)")
    public String confirmPause(
            @QueryParam("topic") String topic,
            @QueryParam("exp") String exp,
            @QueryParam("sig") String sig,
            @Context UriInfo uri) {
        alerts.checkPauseLink(topic, exp, sig);
        return Templates.confirmPause(self(uri)).render();
    }

    /** The page's button, and RFC 8058 one-click: mail clients POST {@code List-Unsubscribe=One-Click} here. */
    @POST
    @Path("pause")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Pause a topic's alerts: the signed link's button, or RFC 8058 one-click (no login)")
    public String pause(
            @QueryParam("topic") String topic, @QueryParam("exp") String exp, @QueryParam("sig") String sig) {
        alerts.pause(topic, exp, sig);
        return Templates.paused().render();
    }

    /**
     * The link of a confirmation e-mail: a page with a button; the GET confirms nothing (mail scanners fetch
     * links and must not opt people in) and names no topic.
     */
    @GET
    @Path("confirm")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page behind a confirmation link: a button that confirms (no login)")
    public String confirmPage(@QueryParam("token") String confirmToken, @Context UriInfo uri) {
        alerts.recipient(confirmToken);
        return Templates.confirmRecipient(self(uri)).render();
    }

    @POST
    @Path("confirm")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Confirm an extra recipient of a topic's alerts: the confirmation page's button (no login)")
    public String confirm(@QueryParam("token") String confirmToken) {
        return Templates.confirmed(alerts.confirm(confirmToken)).render();
    }

    private static String self(UriInfo uri) {
        return uri.getRequestUri().getRawPath() + "?" + uri.getRequestUri().getRawQuery();
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

    @POST
    @Path("deliveries/resend")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Resend FAILED alert e-mails (admin): each goes back to PENDING with a fresh give-up age."
                    + " Filters: topic (id), since (ISO-8601 time or date, by creation); none means every FAILED"
                    + " delivery")
    public AlertService.Resent resend(@QueryParam("topic") String topic, @QueryParam("since") String since) {
        return alerts.resend(QueryParams.optionalId("topic", topic), since(since));
    }

    @POST
    @Path("deliveries/{id}/resend")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resend one FAILED alert e-mail (admin); 409 when it is not FAILED")
    public AlertService.Resent resendOne(@PathParam("id") String id) {
        return alerts.resendOne(QueryParams.requiredId("id", id));
    }

    /** An instant, or a date meaning its start in UTC; null when absent. */
    static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        String text = since.strip();
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(
                    "since",
                    "an ISO-8601 time such as 2026-12-01T06:00:00Z or a date such as 2026-12-01, not '"
                            + MailAddresses.headerSafe(text) + "'");
        }
    }
}
