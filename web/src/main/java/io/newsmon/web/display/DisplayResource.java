package io.newsmon.web.display;

import io.newsmon.web.dashboard.DisplayExtensions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The display settings page: which time zone the dashboard shows times in, and a form to choose one (kept
 * in a cookie) or go back to the automatic zone (the browser's, else the account's, else UTC).
 */
@Path("/display")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DisplayResource {

    static final int MAX_AGE = (int) Duration.ofDays(365).toSeconds();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(String user, DisplaySettings settings);
    }

    /**
     * What the page shows: the zone in force and where it came from, the candidates (null when absent), the field as typed
     * and its error, the current time there, and every zone id for the field's suggestions.
     */
    public record DisplaySettings(
            DisplayZone.Resolved resolved,
            String chosen,
            String browser,
            String account,
            String typed,
            String error,
            String now,
            boolean saved,
            List<String> zones) {}

    private final DisplayZone displayZone;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final boolean secureCookies;

    public DisplayResource(
            DisplayZone displayZone,
            SecurityIdentity identity,
            Clock clock,
            @ConfigProperty(name = "newsmon.web.secure-cookies", defaultValue = "true") boolean secureCookies) {
        this.displayZone = displayZone;
        this.identity = identity;
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    @GET
    public TemplateInstance settings(@QueryParam("saved") String saved) {
        DisplayZone.Resolved r = displayZone.resolved();
        return page(r, displayZone.chosen().map(ZoneId::getId).orElse(""), null, saved != null);
    }

    /** Saves the zone typed (checked with {@link ZoneId}), or with {@code action=automatic} forgets the choice. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@FormParam("zone") String zone, @FormParam("action") String action) {
        if ("automatic".equals(action)) {
            return Response.seeOther(URI.create("/display?saved"))
                    .cookie(cookie("", 0))
                    .build();
        }
        String typed = zone == null ? "" : zone.strip();
        Optional<ZoneId> parsed = DisplayZone.parse(typed);
        if (parsed.isEmpty()) {
            String error = typed.isEmpty()
                    ? "Type a time zone such as Europe/Berlin, or use the automatic zone below."
                    : "'" + clip(typed) + "' is not a time zone: use a name such as Europe/Berlin or"
                            + " America/New_York, or an offset such as +02:00.";
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(displayZone.resolved(), typed, error, false))
                    .build();
        }
        return Response.seeOther(URI.create("/display?saved"))
                .cookie(cookie(DisplayZone.cookieValue(parsed.get()), MAX_AGE))
                .build();
    }

    private TemplateInstance page(DisplayZone.Resolved r, String typed, String error, boolean saved) {
        return Templates.settings(
                identity.getPrincipal().getName(),
                new DisplaySettings(
                        r,
                        id(displayZone.chosen()),
                        id(displayZone.browser()),
                        id(displayZone.account()),
                        typed,
                        error,
                        DisplayExtensions.when(clock.instant(), r.zone()),
                        saved,
                        ZoneId.getAvailableZoneIds().stream()
                                .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                                .sorted()
                                .toList()));
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(DisplayZone.CHOSEN_COOKIE)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private static String id(Optional<ZoneId> zone) {
        return zone.map(ZoneId::getId).orElse(null);
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
