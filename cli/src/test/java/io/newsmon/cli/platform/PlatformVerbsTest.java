package io.newsmon.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.cli.platform.FakePlatform.Reply;
import io.newsmon.cli.platform.FakePlatform.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * search, reindex, requeue and resend against a local stand-in for Keycloak and the api: the login, the requests
 * they send, what they print, and how each way of failing ends.
 */
class PlatformVerbsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakePlatform platform;

    @BeforeEach
    void start() throws IOException {
        platform = new FakePlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    /** {@code total} hits numbered from 1; each page answers its share of them. */
    private void searchHas(int total) {
        platform.on("/api/search", r -> {
            int size = Integer.parseInt(r.query().get("size"));
            int page = Integer.parseInt(r.query().get("page"));
            StringBuilder hits = new StringBuilder();
            for (int i = page * size + 1; i <= Math.min(total, (page + 1) * size); i++) {
                hits.append(hits.length() == 0 ? "" : ",")
                        .append("{\"id\":")
                        .append(i)
                        .append(",\"url\":\"https://news.example/")
                        .append(i)
                        .append("\",\"title\":\"Article ")
                        .append(i)
                        .append("\",\"titleHighlighted\":\"x\",\"snippet\":\"the <mark>border</mark> &amp; more\",")
                        .append("\"published\":\"2024-01-18T10:00:00Z\",\"source\":\"dawn.com\",\"language\":\"en\",")
                        .append("\"score\":1.5}");
            }
            return Reply.json("{\"total\":" + total + ",\"page\":" + page + ",\"size\":" + size
                    + ",\"parsed\":\"+border\",\"hits\":[" + hits + "],\"facets\":{},\"histogram\":[],\"tookMs\":3}");
        });
    }

    @Test
    void searchLogsInAsTheAnalystAndReadsEveryPageForJson() throws IOException {
        searchHas(1500);

        Run r = platform.run("search", "--json", "border", "-storm");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<FakePlatform.Request> login = platform.to(FakePlatform.OIDC_PATH);
        assertThat(login).hasSize(1);
        assertThat(FakePlatform.decode(login.get(0).text()))
                .containsEntry("grant_type", "password")
                .containsEntry("client_id", "newsmon-cli")
                .containsEntry("username", "analyst")
                .containsEntry("password", "analyst");
        List<FakePlatform.Request> searches = platform.to("/api/search");
        assertThat(searches).hasSize(2);
        assertThat(searches)
                .allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer token-analyst-1"))
                .allSatisfy(s -> assertThat(s.query())
                        .containsEntry("q", "border -storm")
                        .containsEntry("size", "1000")
                        .containsEntry("sort", "relevance")
                        .containsEntry("stem", "false"));
        assertThat(searches.get(1).query()).containsEntry("page", "1");

        JsonNode result = JSON.readTree(r.out());
        assertThat(r.out().strip()).doesNotContain("\n");
        assertThat(result.path("total").asInt()).isEqualTo(1500);
        assertThat(result.path("hits")).hasSize(1500);
        JsonNode first = result.path("hits").get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "url", "title", "published", "source");
        assertThat(first.path("url").asText()).isEqualTo("https://news.example/1");
        assertThat(first.path("published").asText()).isEqualTo("2024-01-18T10:00:00Z");
    }

    @Test
    void searchSizeAndSortAndStemAreSentAndTheHumanViewShowsTenHits() {
        searchHas(25);

        Run sized = platform.run("search", "--json", "--size", "3", "--sort", "date", "--stem", "border");
        assertThat(sized.exit()).as(sized.err()).isZero();
        assertThat(platform.to("/api/search").get(0).query())
                .containsEntry("size", "3")
                .containsEntry("sort", "date")
                .containsEntry("stem", "true");
        assertThat(sized.out()).contains("\"total\":25").contains("\"id\":3,").doesNotContain("\"id\":4,");

        Run human = platform.run("search", "border");
        assertThat(human.exit()).as(human.err()).isZero();
        List<String> lines = human.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("25 articles match   (read as: +border)");
        assertThat(lines.subList(1, 5))
                .containsExactly(
                        "",
                        "2024-01-18 10:00  dawn.com  Article 1",
                        "    https://news.example/1",
                        "    the *border* & more");
        assertThat(lines).hasSize(1 + 10 * 4);
    }

    @Test
    void aRefusedQueryExitsTwoWithACaretUnderItsPosition() {
        platform.on(
                "/api/search",
                r -> Reply.problem(
                        400,
                        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                + "\"detail\":\"q: unbalanced parenthesis at 9: it is never closed\",\"position\":9}"));

        Run r = platform.run("search", "iran AND (pakistan OR india");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo("search: unbalanced parenthesis at 9: it is never closed\n"
                        + "  iran AND (pakistan OR india\n"
                        + "           ^\n");
    }

    @Test
    void usageErrorsExitTwoWithoutCallingThePlatform() {
        assertThat(platform.run("search").exit()).isEqualTo(2);
        Run size = platform.run("search", "--size", "0", "border");
        assertThat(size.exit()).isEqualTo(2);
        assertThat(size.err()).contains("--size must be a positive whole number, got '0'");
        Run sort = platform.run("search", "--sort", "oldest", "border");
        assertThat(sort.exit()).isEqualTo(2);
        assertThat(sort.err()).contains("--sort must be relevance or date, got 'oldest'");
        Run resend = platform.run("resend", "--delivery", "7", "--topic", "3");
        assertThat(resend.exit()).isEqualTo(2);
        assertThat(resend.err()).contains("--delivery resends one delivery; it takes no --topic or --since");
        assertThat(platform.run("requeue", "--source", "seven").exit()).isEqualTo(2);
        assertThat(platform.requests).isEmpty();
    }

    @Test
    void aUserWithoutTheRoleIsToldWhichRoleAndHowToLogInAsAnother() {
        platform.on(
                "/api/search/reindex",
                r -> Reply.problem(403, "{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"forbidden\"}"));
        Map<String, String> env = platform.env();
        env.put("NEWSMON_USER", "analyst");
        env.put("NEWSMON_PASSWORD", "analyst");

        Run r = FakePlatform.run(env, "reindex");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("reindex: the api refused the rebuild to 'analyst' (HTTP 403): it needs the admin role;"
                        + " log in as another user with NEWSMON_USER and NEWSMON_PASSWORD\n");
    }

    @Test
    void aTokenTheApiDoesNotAcceptAndAFailedLoginAreNamed() {
        platform.on(
                "/api/articles/requeue",
                r -> Reply.problem(401, "{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"token expired\"}"));
        Run refused = platform.run("requeue");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err())
                .contains("the api at " + platform.url()
                        + " did not accept the login of 'admin' (HTTP 401: token expired)");

        Map<String, String> env = platform.env();
        env.put("NEWSMON_USER", "admin");
        env.put("NEWSMON_PASSWORD", "wrong");
        Run login = FakePlatform.run(env, "requeue");
        assertThat(login.exit()).isEqualTo(1);
        assertThat(login.err())
                .contains("login as 'admin' at " + platform.url() + "/realms/newsmon failed: Invalid user credentials");
    }

    @Test
    void anApiOrKeycloakThatDoesNotAnswerIsNamedWithItsUrl() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = platform.env();
        env.put("NEWSMON_API_URL", "http://127.0.0.1:" + closed);
        Run api = FakePlatform.run(env, "search", "border");
        assertThat(api.exit()).isEqualTo(1);
        assertThat(api.err())
                .isEqualTo("search: the api at http://127.0.0.1:" + closed
                        + " did not answer (is the platform up? ./newsmon status)\n");

        env.put("NEWSMON_OIDC_URL", "http://127.0.0.1:" + closed + "/realms/newsmon");
        Run keycloak = FakePlatform.run(env, "reindex");
        assertThat(keycloak.exit()).isEqualTo(1);
        assertThat(keycloak.err())
                .isEqualTo("reindex: Keycloak did not answer at http://127.0.0.1:" + closed
                        + "/realms/newsmon (is the platform up? ./newsmon status)\n");
    }

    @Test
    void reindexShowsABarUntilTheIndexHasCaughtUp() {
        platform.on("/api/search/reindex", r -> new Reply(202, "application/json", status(false, 0, 10, 0)));
        AtomicInteger polls = new AtomicInteger();
        platform.on(
                "/api/search/status",
                r -> Reply.json(polls.incrementAndGet() == 1 ? status(false, 5, 10, 5) : status(true, 10, 10, 10)));

        Run r = platform.run("reindex");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(platform.to("/api/search/reindex")).singleElement().satisfies(q -> {
            assertThat(q.method()).isEqualTo("POST");
            assertThat(q.authorization()).isEqualTo("Bearer token-admin-1");
        });
        assertThat(r.out()).isEqualTo("search index rebuilt: 10 articles\n");
        assertThat(r.err())
                .contains("[" + "#".repeat(20) + ".".repeat(20) + "]  50%  5 articles")
                .endsWith("[" + "#".repeat(40) + "] 100%  10 articles\n");
    }

    @Test
    void reindexStopsWhenTheIndexReportsAFailure() {
        platform.on("/api/search/reindex", r -> new Reply(202, "application/json", status(false, 0, 10, 0)));
        platform.on(
                "/api/search/status",
                r -> Reply.json("{\"ready\":false,\"indexedSeq\":3,\"databaseSeq\":10,\"documents\":3,"
                        + "\"failure\":\"No space left on device\"}"));

        Run r = platform.run("reindex");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("reindex: the search index stopped: No space left on device");
    }

    @Test
    void requeueSendsItsFiltersAndSaysHowManyWentBack() {
        platform.on(
                "/api/articles/requeue",
                r -> Reply.json("{\"requeued\":42,\"source\":7,\"stage\":null,\"kind\":\"TRANSIENT\"}"));

        Run r = platform.run("requeue", "--source", "7", "--kind", "transient");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("requeued 42 FAILED articles\n");
        FakePlatform.Request q = platform.to("/api/articles/requeue").get(0);
        assertThat(q.method()).isEqualTo("POST");
        assertThat(q.query()).containsExactly(Map.entry("source", "7"), Map.entry("kind", "transient"));
    }

    @Test
    void aFilterTheApiRefusesIsAUsageError() {
        platform.on(
                "/api/articles/requeue",
                r -> Reply.problem(400, "{\"status\":400,\"detail\":\"stage: one of fetch, enrich; not 'parse'\"}"));

        Run r = platform.run("requeue", "--stage", "parse");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("requeue: stage: one of fetch, enrich; not 'parse'\n");
    }

    @Test
    void resendAllSinceADateOrOneDelivery() {
        platform.on(
                "/api/alerts/deliveries/resend",
                r -> Reply.json("{\"resent\":2,\"topic\":null,\"since\":\"2026-12-01T00:00:00Z\"}"));
        platform.on(
                "/api/alerts/deliveries/9/resend",
                r -> Reply.problem(409, "{\"status\":409,\"detail\":\"delivery 9 is SENT, not FAILED\"}"));

        Run since = platform.run("resend", "--since", "2026-12-01");
        assertThat(since.exit()).as(since.err()).isZero();
        assertThat(since.out())
                .isEqualTo("resent 2 FAILED alert e-mail(s); they go out within newsmon.alerts.interval\n");
        assertThat(platform.to("/api/alerts/deliveries/resend").get(0).query())
                .containsExactly(Map.entry("since", "2026-12-01"));

        Run one = platform.run("resend", "--delivery", "9");
        assertThat(one.exit()).isEqualTo(1);
        assertThat(one.err())
                .isEqualTo("resend: the api refused the resend (HTTP 409): delivery 9 is SENT, not FAILED\n");
    }

    static String status(boolean ready, long indexed, long database, long documents) {
        return "{\"ready\":" + ready + ",\"rebuilding\":" + !ready + ",\"indexedSeq\":" + indexed
                + ",\"databaseSeq\":" + database + ",\"documents\":" + documents
                + ",\"pending\":0,\"failure\":null,\"skipped\":0}";
    }
}
