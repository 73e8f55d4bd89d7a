package io.newsmon.sources.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.sources.fetch.FetchSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {

    private HttpServer server;
    private final AtomicInteger robotsRequests = new AtomicInteger();

    private String serve(int robotsStatus, String robots) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/robots.txt", exchange -> {
            robotsRequests.incrementAndGet();
            respond(exchange, robotsStatus, robots);
        });
        server.createContext("/", exchange -> respond(exchange, 200, "<p>page</p>"));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void obeysRobotsTxtForItsOwnNameAndReadsItOnce() throws Exception {
        String base = serve(200, "User-agent: newsmon\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n");
        PoliteFetcher fetcher = polite(Duration.ZERO);
        assertThat(fetcher.fetch(base + "/news/1.html").status()).isEqualTo(200);
        assertThatThrownBy(() -> fetcher.fetch(base + "/private/2.html"))
                .hasMessageContaining("disallowed by robots.txt");
        fetcher.fetch(base + "/news/3.html");
        assertThat(robotsRequests).hasValue(1);
    }

    @Test
    void aMissingRobotsTxtAllowsAndABrokenOneBlocks() throws Exception {
        String base = serve(404, "not here");
        assertThat(polite(Duration.ZERO).fetch(base + "/a").status()).isEqualTo(200);
        stop();
        String broken = serve(503, "down");
        assertThatThrownBy(() -> polite(Duration.ZERO).fetch(broken + "/a"))
                .hasMessageContaining("robots.txt could not be read")
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void theCrawlDelaySpacesRequestsToTheHost() throws Exception {
        String base = serve(200, "User-agent: *\nCrawl-delay: 1\n");
        PoliteFetcher fetcher = polite(Duration.ZERO);
        fetcher.fetch(base + "/a");
        long start = System.nanoTime();
        fetcher.fetch(base + "/b");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    private static PoliteFetcher polite(Duration minDelay) {
        FetchSettings settings = FetchSettings.defaults()
                .withLimits(Duration.ofSeconds(5), 1 << 20, 3)
                .withAllowedRanges(List.of("127.0.0.0/8"))
                .withMinDelay(minDelay);
        return new PoliteFetcher(settings);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
