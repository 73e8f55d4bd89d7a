package io.newsmon.api.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request body limits per endpoint, checked before anything reads the body. {@code quarkus.http.limits.
 * max-body-size} is the one limit Quarkus itself enforces, for every path; it stays at the size of the largest
 * import. Everything else is held to {@code newsmon.api.max-body-size}: a body whose {@code Content-Length}
 * says more is refused with 413, and a chunked body (no length, so it could be any size) with 411. OPML
 * uploads get {@code newsmon.api.max-opml-body-size}; article imports ({@code /api/imports}) stream and are
 * only held to Quarkus' limit.
 */
@ApplicationScoped
public class BodyLimits {

    private final long defaultLimit;
    private final long opmlLimit;

    public BodyLimits(
            @ConfigProperty(name = "newsmon.api.max-body-size", defaultValue = "256K")
                    io.quarkus.runtime.configuration.MemorySize defaultLimit,
            @ConfigProperty(name = "newsmon.api.max-opml-body-size", defaultValue = "10M")
                    io.quarkus.runtime.configuration.MemorySize opmlLimit) {
        this.defaultLimit = defaultLimit.asLongValue();
        this.opmlLimit = opmlLimit.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    /** The limit of a path and the configuration key that sets it; null for streamed imports. */
    private record Limit(long bytes, String key) {}

    private Limit limitOf(String path) {
        if (path.startsWith("/api/imports")) {
            return null;
        }
        if (path.startsWith("/api/sources/opml")) {
            return new Limit(opmlLimit, "newsmon.api.max-opml-body-size");
        }
        return new Limit(defaultLimit, "newsmon.api.max-body-size");
    }

    private void check(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        String path = ctx.normalizedPath();
        Limit limit = path == null ? null : limitOf(path);
        if (limit == null) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String encoding = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                refuse(ctx, 400, "Bad Request", "Content-Length is not a number");
                return;
            }
            if (bytes > limit.bytes()) {
                refuse(
                        ctx,
                        413,
                        "Content Too Large",
                        "the request body is " + bytes + " bytes; this endpoint takes at most " + limit.bytes() + " ("
                                + limit.key() + ")");
                return;
            }
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            refuse(
                    ctx,
                    411,
                    "Length Required",
                    "send the body with a Content-Length: only imports take chunked bodies; the limit here is "
                            + limit.bytes() + " bytes (" + limit.key() + ")");
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, int status, String title, String detail) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                // the body is not read: the connection cannot be reused for the next request
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject()
                        .put("type", "about:blank")
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .encode());
    }
}
