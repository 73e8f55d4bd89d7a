package io.newsmon.sources.fetch;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one URL over HTTP(S) with an honest User-Agent, a total deadline, a body-size limit enforced
 * while streaming, and redirects followed by hand through the {@link AddressPolicy} (the SSRF guard).
 * Every failure becomes a {@link FetchException} whose message names the problem.
 */
public class PageFetcher {

    private final FetchSettings config;
    private final AddressPolicy addresses;
    private final HttpClient client;

    public PageFetcher(FetchSettings config) {
        this.config = config;
        this.addresses = new AddressPolicy(config.allowedRanges());
        // redirects are followed here, not by the client, so that every hop passes the address policy
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Parses a URL as a source or article address: absolute, http or https, with a host. */
    public static URI parseHttpUrl(String url) throws FetchException {
        if (url == null || url.isBlank()) {
            throw new FetchException("malformed URL: it is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new FetchException("malformed URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("malformed URL: only http and https are fetched, not '" + url + "'");
        }
        if (uri.getHost() == null) {
            throw new FetchException("malformed URL: no host in '" + url + "'");
        }
        return uri;
    }

    public FetchedPage fetch(String url) throws FetchException {
        return fetch(url, Map.of());
    }

    /** Throws with the reason when the address policy would refuse {@code uri}, before anything is sent. */
    public void checkAllowed(URI uri) throws FetchException {
        addresses.check(uri);
    }

    /** Fetches with extra request headers, e.g. If-None-Match and If-Modified-Since for a feed. */
    public FetchedPage fetch(String url, Map<String, String> headers) throws FetchException {
        URI uri = parseHttpUrl(url);
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        for (int hop = 0; ; hop++) {
            addresses.check(uri);
            HttpResponse<byte[]> response = exchange(uri, deadline, headers);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException("HTTP " + status + " without a Location header from " + uri);
                }
                if (hop >= config.maxRedirects()) {
                    throw new FetchException("more than " + config.maxRedirects() + " redirects from " + url);
                }
                try {
                    uri = parseHttpUrl(uri.resolve(location.strip()).toString());
                } catch (IllegalArgumentException e) {
                    throw new FetchException("malformed redirect Location '" + location + "' from " + uri);
                }
                continue;
            }
            if (status >= 400) {
                String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                throw new FetchException(
                        "HTTP " + status + " from " + uri
                                + (retryAfter == null ? "" : " (Retry-After: " + retryAfter + ")"),
                        status,
                        RetryAfter.parse(retryAfter));
            }
            String type = response.headers().firstValue("Content-Type").orElse(null);
            byte[] body = ContentDecoding.decode(
                    response.body(),
                    response.headers().firstValue("Content-Encoding").orElse(null),
                    config.maxBodyBytes(),
                    uri.toString());
            return new FetchedPage(
                    uri,
                    status,
                    type,
                    body,
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private HttpResponse<byte[]> exchange(URI uri, long deadline, Map<String, String> headers) throws FetchException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw FetchException.transientFailure("timeout: no complete response within "
                    + config.totalTimeout().toSeconds() + " s from " + uri);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", config.userAgent())
                .header("Accept-Encoding", ContentDecoding.ACCEPTED)
                .header(
                        "Accept",
                        "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                                + "application/xml;q=0.9,*/*;q=0.8")
                .GET();
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(), this::bodyHandler);
        try {
            return exchange.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw FetchException.transientFailure("timeout: no complete response within "
                    + config.totalTimeout().toSeconds() + " s from " + uri);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw FetchException.transientFailure("fetch interrupted: " + uri);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), uri);
        }
    }

    /** Error responses are not worth reading: their body is discarded unread. */
    private HttpResponse.BodySubscriber<byte[]> bodyHandler(HttpResponse.ResponseInfo info) {
        if (info.statusCode() >= 300) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        return new LimitedBodySubscriber(config.maxBodyBytes());
    }

    private FetchException failure(Throwable cause, URI uri) {
        if (cause instanceof LimitedBodySubscriber.TooLargeException tooLarge) {
            return new FetchException("body larger than the " + tooLarge.limit + "-byte limit: " + uri);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return FetchException.transientFailure(
                    "connect timeout after " + config.connectTimeout().toSeconds() + " s: " + uri);
        }
        if (cause instanceof HttpTimeoutException) {
            return FetchException.transientFailure(
                    "timeout after " + config.totalTimeout().toSeconds() + " s: " + uri);
        }
        if (cause instanceof ConnectException) {
            return FetchException.transientFailure("connection refused: " + uri.getHost());
        }
        if (cause instanceof UnknownHostException
                || cause != null && cause.getCause() instanceof UnknownHostException) {
            return FetchException.transientFailure("unknown host: " + uri.getHost());
        }
        String reason = cause == null || cause.getMessage() == null
                ? (cause == null ? "unknown error" : cause.getClass().getSimpleName())
                : cause.getMessage();
        // a reset connection, a TLS handshake cut short, an early end of stream: worth another try
        return FetchException.transientFailure("fetch failed: " + reason + " (" + uri + ")", cause);
    }
}
