package io.newsmon.sources.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a local server that misbehaves on purpose. */
class PageFetcherTest {

    private HttpServer server;
    private String base;
    private final PageFetcher fetcher = fetcher(List.of("127.0.0.0/8"));

    private static PageFetcher fetcher(List<String> allowed) {
        return new PageFetcher(FetchSettings.defaults()
                .withUserAgent("newsmon-test/1.0 (+https://newsmon.example/contact)")
                .withLimits(Duration.ofSeconds(2), 64 * 1024, 3)
                .withAllowedRanges(allowed));
    }

    @BeforeEach
    void hostileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", exchange -> {
            byte[] body = ("<p>" + exchange.getRequestHeaders().getFirst("User-Agent") + "</p>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=ISO-8859-1");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 100_000);
            OutputStream out = exchange.getResponseBody();
            out.write("<html><body>the rest never comes".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // the client hung up, as it should
            }
        });
        server.createContext("/hop", exchange -> {
            int n = Integer.parseInt(exchange.getRequestURI().getQuery());
            exchange.getResponseHeaders().set("Location", n == 0 ? "/ok" : "/hop?" + (n - 1));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesWithItsUserAgentAndReportsTheDeclaredCharset() throws Exception {
        FetchedPage page = fetcher.fetch(base + "/ok");
        assertThat(page.status()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("newsmon-test/1.0");
        assertThat(page.declaredCharset()).isEqualTo("ISO-8859-1");
    }

    @Test
    void followsRedirectsUpToTheLimit() throws Exception {
        assertThat(fetcher.fetch(base + "/hop?2").uri().getPath()).isEqualTo("/ok");
        assertThatThrownBy(() -> fetcher.fetch(base + "/hop?5")).hasMessageContaining("more than 3 redirects");
    }

    @Test
    void refusesInternalAddressesUnlessARangeAllowsThem() {
        PageFetcher strict = fetcher(List.of());
        assertThatThrownBy(() -> strict.fetch(base + "/ok"))
                .hasMessageContaining("refused")
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.fetch("http://169.254.169.254/latest/meta-data/"))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> strict.fetch("http://10.0.0.8/feed")).hasMessageContaining("private");
        assertThatThrownBy(() -> strict.fetch("http://[::ffff:127.0.0.1]/")).hasMessageContaining("loopback");
    }

    @Test
    void aBodyThatStallsIsAbandonedAtTheTotalTimeout() {
        assertThatThrownBy(() -> fetcher.fetch(base + "/stall"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("timeout");
    }

    @Test
    void aBodyPastTheLimitIsRefusedWhileStreaming() {
        assertThatThrownBy(() -> fetcher.fetch(base + "/huge"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("65536-byte limit");
    }

    @Test
    void errorsAndBadUrlsSayWhatWentWrong() {
        assertThatThrownBy(() -> fetcher.fetch(base + "/gone")).hasMessageContaining("HTTP 410");
        assertThatThrownBy(() -> fetcher.fetch("ftp://files.example/feed")).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> fetcher.fetch("http://bad host/")).hasMessageContaining("malformed URL");
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:1/")).hasMessageContaining("connection refused");
    }
}
