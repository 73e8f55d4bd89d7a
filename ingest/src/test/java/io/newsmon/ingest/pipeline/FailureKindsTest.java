package io.newsmon.ingest.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.source.Source;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pages that fail in different ways end differently: a 404 is parked at once, a server that answers
 * 503 a few times is waited out, a 429 is left alone for as long as its Retry-After asks, and a page
 * that holds a fetch round past its limit ends as a transient error while readiness says the round is
 * stuck. Short schedule and limits come from the profile.
 */
@QuarkusTest
@TestProfile(FailureKindsTest.ShortLimits.class)
class FailureKindsTest {

    /** Five retries a second apart, a 2 s round limit, and a round called stuck after 1 s. */
    public static class ShortLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsmon.ingest.retry-schedule", "1s,1s,1s,1s,1s",
                    "newsmon.ingest.round-limit", "2s",
                    "newsmon.ingest.stuck-after", "1s");
        }
    }

    private static HttpServer site;
    private static String base;
    private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();

    @BeforeAll
    static void startTheSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(Executors.newCachedThreadPool());
        site.createContext("/", FailureKindsTest::route);
        site.start();
        base = "http://127.0.0.1:" + site.getAddress().getPort();
        QuarkusTransaction.requiringNew().run(() -> {
            Source source = new Source();
            source.url = base + "/feed.xml";
            source.name = "failure kinds";
            source.createdAt = Instant.now();
            source.persist();
        });
    }

    @AfterAll
    static void stopTheSite() {
        site.stop(0);
    }

    @Test
    void aPageThatIsGoneIsParkedAtOnceAsPermanent() {
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf("/gone") == PipelineState.FAILED);
        assertThat(column("/gone", "failure_kind")).isEqualTo("PERMANENT");
        assertThat(column("/gone", "last_error")).contains("HTTP 404");
        assertThat(hits("/gone")).isEqualTo(1);
    }

    @Test
    void aServerThatAnswers503ThreeTimesIsWaitedOutAndThePageArrives() {
        await().atMost(Duration.ofSeconds(60)).until(() -> stateOf("/flaky") == PipelineState.EXTRACTED);
        assertThat(hits("/flaky")).isEqualTo(4);
    }

    @Test
    void aRetryAfterOfAnHourIsHonoured() {
        await().atMost(Duration.ofSeconds(30)).until(() -> hits("/busy") >= 1);
        // the worker's claim (a lease of minutes) is seen before its failure is written with the hour's wait
        await().atMost(Duration.ofSeconds(10))
                .until(() -> column("/busy", "last_error") != null
                        && "in an hour"
                                .equals(column(
                                        "/busy",
                                        "CASE WHEN lease_expires_at > CURRENT_TIMESTAMP + INTERVAL '55' MINUTE"
                                                + " THEN 'in an hour' ELSE 'soon' END")));
        assertThat(stateOf("/busy")).isEqualTo(PipelineState.DISCOVERED);
        assertThat(hits("/busy")).as("not asked again within the hour").isEqualTo(1);
    }

    @Test
    void aPageThatHoldsTheRoundPastItsLimitEndsAsItsOwnErrorAndReadinessSaysStuck() {
        AtomicBoolean sawDown = new AtomicBoolean();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (given().get("/q/health/ready").statusCode() == 503) {
                        sawDown.set(true);
                    }
                    return sawDown.get() && stateOf("/slow") == PipelineState.FAILED;
                });
        assertThat(column("/slow", "failure_kind")).isEqualTo("TRANSIENT");
        assertThat(column("/slow", "last_error"))
                .contains("gave up after 6 tries")
                .contains("ran past its 2 s limit");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private static PipelineState stateOf(String path) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Article.findByUrl(base + path).map(a -> a.state).orElse(null));
    }

    private static String column(String path, String column) {
        return QuarkusTransaction.requiringNew().call(() -> {
            java.util.List<?> rows = Article.getEntityManager()
                    .createNativeQuery("SELECT " + column + " FROM article WHERE url = ?1")
                    .setParameter(1, base + path)
                    .getResultList();
            Object value = rows.isEmpty() ? null : rows.get(0);
            return value == null ? null : value.toString();
        });
    }

    private static int hits(String path) {
        AtomicInteger n = HITS.get(path);
        return n == null ? 0 : n.get();
    }

    private static void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        int hit = HITS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (ex) {
            switch (path) {
                case "/robots.txt" -> send(ex, 404, "text/plain", "");
                case "/feed.xml" -> send(ex, 200, "application/rss+xml", feed());
                case "/gone" -> send(ex, 404, "text/plain", "no such story");
                case "/flaky" -> {
                    if (hit <= 3) {
                        send(ex, 503, "text/plain", "down for a moment");
                    } else {
                        send(ex, 200, "text/html; charset=utf-8", article("The ferry runs again"));
                    }
                }
                case "/busy" -> {
                    ex.getResponseHeaders().add("Retry-After", "3600");
                    send(ex, 429, "text/plain", "slow down");
                }
                case "/slow" -> drip(ex);
                default -> send(ex, 404, "text/plain", "");
            }
        }
    }

    /** A page that sends a byte every 200 ms for 4 s: longer than the round's 2 s limit. */
    private static void drip(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 20; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(200);
            }
        } catch (InterruptedException | IOException e) {
            // the client gave up: what the test wants
        }
    }

    private static String feed() {
        StringBuilder items = new StringBuilder();
        for (String path : new String[] {"/gone", "/flaky", "/busy", "/slow"}) {
            items.append("<item><title>")
                    .append(path)
                    .append("</title><link>")
                    .append(base)
                    .append(path)
                    .append("</link></item>");
        }
        return "<rss version=\"2.0\"><channel><title>Failure kinds</title>" + items + "</channel></rss>";
    }

    private static String article(String title) {
        return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>"
                + ("<p>The harbour ferry resumed its crossings on Tuesday morning after a short repair, the"
                                + " operator said, and the timetable is back to normal for the winter.</p>")
                        .repeat(5)
                + "</article></body></html>";
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
