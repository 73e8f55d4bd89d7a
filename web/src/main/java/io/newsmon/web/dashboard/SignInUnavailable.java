package io.newsmon.web.dashboard;

import io.quarkus.oidc.OIDCException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * While Keycloak cannot be reached, signing in is impossible: every page answers 503 with a page that says
 * so and to try again shortly, instead of the framework's error dump. Nothing needs restarting: once Keycloak
 * answers again the next request signs in as usual.
 */
@ApplicationScoped
public class SignInUnavailable {

    private static final Logger LOG = Logger.getLogger(SignInUnavailable.class);

    /** Seconds a browser or proxy is told to wait before asking again. */
    static final String RETRY_AFTER = "30";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (!isOidcOutage(ctx.failure()) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        LOG.warnf(
                "sign-in unavailable, the identity provider does not answer: %s",
                ctx.failure().getMessage());
        String page = DashboardErrors.Templates.error(
                        "Sign-in is unavailable",
                        "newsmon cannot reach its sign-in service (Keycloak) just now. Nothing is lost: try again in"
                                + " a minute. If this lasts, tell your administrator.",
                        503)
                .render();
        ctx.response()
                .setStatusCode(503)
                .putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Retry-After", RETRY_AFTER)
                .putHeader("Cache-Control", "no-store")
                .end(page);
    }

    /** An OIDC failure anywhere in the cause chain: the provider's discovery or token endpoint is unreachable. */
    static boolean isOidcOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }
}
