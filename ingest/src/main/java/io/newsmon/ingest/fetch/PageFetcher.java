package io.newsmon.ingest.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/**
 * Fetches one URL over HTTP(S) with an honest User-Agent, timeouts and a body-size limit enforced
 * while streaming. Every failure becomes a {@link FetchException} whose message names the problem.
 */
@ApplicationScoped
public class PageFetcher {

    private final FetchConfig config;
    private final HttpClient client;

    public PageFetcher(FetchConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
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
        URI uri = parseHttpUrl(url);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.totalTimeout())
                .header("User-Agent", config.userAgent())
                .header(
                        "Accept",
                        "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                                + "application/xml;q=0.9,*/*;q=0.8")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException(
                    "connect timeout after " + config.connectTimeout().toSeconds() + " s: " + uri);
        } catch (HttpTimeoutException e) {
            throw new FetchException("timeout after " + config.totalTimeout().toSeconds() + " s: " + uri);
        } catch (ConnectException e) {
            throw new FetchException("connection refused: " + uri.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host: " + uri.getHost());
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e.getCause() instanceof UnknownHostException) {
                reason = "unknown host " + uri.getHost();
            }
            throw new FetchException("fetch failed: " + reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("fetch interrupted: " + uri);
        }
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status >= 400) {
                throw new FetchException("HTTP " + status + " from " + response.uri());
            }
            byte[] body = readLimited(in, config.maxBodyBytes(), response.uri());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            return new FetchedPage(response.uri(), status, type, body);
        } catch (IOException e) {
            throw new FetchException("reading the body failed: " + e.getMessage(), e);
        }
    }

    private static byte[] readLimited(InputStream in, long max, URI uri) throws IOException, FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > max) {
                throw new FetchException("body larger than the " + max + "-byte limit: " + uri);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
