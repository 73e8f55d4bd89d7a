package io.newsmon.web.display;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The time zone this request's pages show times in, and where it came from: the analyst's explicit choice
 * (a cookie the display page sets), else the browser's zone (a cookie {@code newsmon.js} sets), else the
 * ID token's standard {@code zoneinfo} claim, else UTC. Cookies come from the client, so each value is
 * checked with {@link ZoneId} on every request; one that is not a zone counts as absent.
 */
@RequestScoped
public class DisplayZone {

    /** The analyst's explicit choice; only the server writes it. */
    public static final String CHOSEN_COOKIE = "newsmon-tz";

    /** The browser's own zone, written by newsmon.js; it never overrides {@link #CHOSEN_COOKIE}. */
    public static final String BROWSER_COOKIE = "newsmon-tz-browser";

    /** The fallback, by the name people know it by (its abbreviation prints as "UTC", not "Z"). */
    public static final ZoneId UTC = ZoneId.of("UTC");

    static final int MAX_ID_LENGTH = 64;

    /** Where a zone came from, in the order they are tried. */
    public enum Source {
        CHOSEN("your choice"),
        BROWSER("your browser's zone"),
        ACCOUNT("your account's zone"),
        DEFAULT("the default");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A zone and where it came from. */
    public record Resolved(ZoneId zone, Source source) {
        public String id() {
            return zone.getId();
        }
    }

    @Inject
    CurrentVertxRequest request;

    @Inject
    SecurityIdentity identity;

    private Resolved resolved;

    public Resolved resolved() {
        if (resolved == null) {
            resolved = resolve(cookie(CHOSEN_COOKIE), cookie(BROWSER_COOKIE), accountZone());
        }
        return resolved;
    }

    public ZoneId zone() {
        return resolved().zone();
    }

    /** The explicit choice, if the cookie holds a zone. */
    public Optional<ZoneId> chosen() {
        return parse(cookie(CHOSEN_COOKIE));
    }

    /** The browser's zone, if newsmon.js has reported one. */
    public Optional<ZoneId> browser() {
        return parse(cookie(BROWSER_COOKIE));
    }

    /** The zone the sign-in provider gives for the account ({@code zoneinfo}), if any. */
    public Optional<ZoneId> account() {
        return parse(accountZone());
    }

    /** The first of the candidates that is a zone, in the order of {@link Source}; UTC when none is. */
    static Resolved resolve(String chosen, String browser, String account) {
        return parse(chosen)
                .map(z -> new Resolved(z, Source.CHOSEN))
                .or(() -> parse(browser).map(z -> new Resolved(z, Source.BROWSER)))
                .or(() -> parse(account).map(z -> new Resolved(z, Source.ACCOUNT)))
                .orElse(new Resolved(UTC, Source.DEFAULT));
    }

    /** A zone id such as Europe/Berlin or +02:00; empty for anything else (blank, too long, unknown). */
    public static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A zone id as a cookie value (a region id's "/" and an offset's "+" are escaped). */
    public static String cookieValue(ZoneId zone) {
        return URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8);
    }

    /**
     * The zone of the request being handled, for code that has no bean at hand (template extensions and
     * globals); UTC outside a request.
     */
    public static Resolved current() {
        try {
            if (Arc.container().requestContext().isActive()) {
                InstanceHandle<DisplayZone> zone = Arc.container().instance(DisplayZone.class);
                if (zone.isAvailable()) {
                    return zone.get().resolved();
                }
            }
        } catch (RuntimeException outsideARequest) {
            // no request to ask: the default
        }
        return new Resolved(UTC, Source.DEFAULT);
    }

    private String cookie(String name) {
        RoutingContext context = request == null ? null : request.getCurrent();
        Cookie cookie = context == null ? null : context.request().getCookie(name);
        if (cookie == null) {
            return null;
        }
        try {
            return URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
    }

    private String accountZone() {
        try {
            if (identity == null
                    || identity.isAnonymous()
                    || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                return null;
            }
            Object claim = token.getClaim("zoneinfo");
            if (claim == null) {
                return null;
            }
            String value = claim.toString();
            // a JSON string claim may print with its quotes
            return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1)
                    : value;
        } catch (RuntimeException noIdentity) {
            return null;
        }
    }
}
