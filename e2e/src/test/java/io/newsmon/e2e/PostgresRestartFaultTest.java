package io.newsmon.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted while nlp enriches a fresh import: every article still reaches ENRICHED once (one
 * row per URL, no FAILED, no doubled entity mention), and the api's search index catches up to exactly the
 * database's count. Needs the platform on PostgreSQL ({@code NEWSMON_DB_URL}) and the right to restart the
 * cluster (root; {@code .ci/run}'s faults step).
 */
class PostgresRestartFaultTest {

    static final String JDBC =
            System.getProperty("newsmon.faults.jdbc", "jdbc:postgresql://127.0.0.1:5432/newsmon_faults");
    static final String USER = System.getProperty("newsmon.faults.db-user", "newsmon_faults");
    static final String PASSWORD = System.getProperty("newsmon.faults.db-password", "newsmon_faults");
    /** The command that restarts the cluster the platform uses. */
    static final String RESTART =
            System.getProperty("newsmon.faults.pg-restart", "pg_ctlcluster --skip-systemctl-redirect 15 main restart");

    private static final int ARTICLES = Integer.getInteger("newsmon.faults.articles", 300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("council harbour minister strike budget election court river storm"
                    + " vaccine market bank rail port farmers talks border energy school hospital police bridge")
            .split(" ");
    private static final String[] PEOPLE = {"Alice Harwood", "Tomas Brenner", "Maria Okafor", "Ian Lindqvist"};
    private static final String[] PLACES = {"London", "Paris", "Berlin", "Madrid", "Lagos", "Toronto"};

    @Test
    void restartingPostgresMidEnrichmentLosesAndDoublesNothing() throws Exception {
        String tag = "pgr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String source = "Fault test " + tag;
        String admin = Platform.token("admin", "admin");
        given().auth()
                .oauth2(admin)
                .contentType("application/x-ndjson")
                .body(articles(tag, source, ARTICLES).getBytes(StandardCharsets.UTF_8))
                .post(Platform.API + "/api/imports")
                .then()
                .statusCode(200);

        // restart the database the moment nlp has enriched part of the batch
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> states(source).getOrDefault("ENRICHED", 0L) > 0);
        long restartStart = System.nanoTime();
        Launcher.run(List.of("bash", "-c", RESTART), 120);
        long restartMillis = (System.nanoTime() - restartStart) / 1_000_000;
        Map<String, Long> atRestart = states(source);
        long enrichedAtRestart = atRestart.getOrDefault("ENRICHED", 0L);

        // the services must pick up again on their own: nothing is restarted but PostgreSQL
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> states(source).getOrDefault("ENRICHED", 0L) > enrichedAtRestart);
        long firstProgressMillis = (System.nanoTime() - restartStart) / 1_000_000;
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> states(source).getOrDefault("ENRICHED", 0L)
                                + states(source).getOrDefault("FAILED", 0L)
                        >= ARTICLES);
        long allEnrichedMillis = (System.nanoTime() - restartStart) / 1_000_000;

        Map<String, Long> states = states(source);
        assertThat(states).as("article states of the import").isEqualTo(Map.of("ENRICHED", (long) ARTICLES));
        assertThat(enrichedAtRestart).as("restarted mid-run").isLessThan(ARTICLES);
        try (Connection c = connect()) {
            assertThat(single(
                            c,
                            "SELECT COUNT(DISTINCT a.url) FROM article a JOIN source s ON s.id = a.source_id"
                                    + " WHERE s.name = ?",
                            source))
                    .as("distinct URLs")
                    .isEqualTo(ARTICLES);
            assertThat(single(
                            c,
                            "SELECT COUNT(*) FROM article a JOIN source s ON s.id = a.source_id"
                                    + " WHERE s.name = ? AND (a.seq IS NULL OR a.enriched_at IS NULL)",
                            source))
                    .as("enriched articles without an index sequence or an enrichment time")
                    .isZero();
            long mentions = single(
                    c,
                    "SELECT COUNT(*) FROM entity_mention m JOIN article a ON a.id = m.article_id"
                            + " JOIN source s ON s.id = a.source_id WHERE s.name = ?",
                    source);
            assertThat(mentions).as("entity mentions written").isPositive();
            assertThat(single(
                            c,
                            "SELECT COUNT(*) FROM (SELECT m.article_id FROM entity_mention m"
                                    + " JOIN article a ON a.id = m.article_id JOIN source s ON s.id = a.source_id"
                                    + " WHERE s.name = ? GROUP BY m.article_id, m.start_offset, m.end_offset, m.type"
                                    + " HAVING COUNT(*) > 1) d",
                            source))
                    .as("entity mentions written twice")
                    .isZero();
        }

        // the index follows: the tag is in every article and nowhere else
        long indexStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> searchTotal(tag) == ARTICLES);
        long indexMillis = (System.nanoTime() - indexStart) / 1_000_000;
        Set<Long> ids = searchHitIds(tag, ARTICLES);
        assertThat(ids).as("distinct search hits").hasSize(ARTICLES);

        System.out.printf(
                Locale.ROOT,
                "faults: PostgreSQL restart took %d ms with %d of %d articles enriched; enrichment resumed %d ms"
                        + " after the restart began, all %d ENRICHED after %d ms (no FAILED, no doubled mention),"
                        + " search total %d (index caught up %d ms later)%n",
                restartMillis,
                enrichedAtRestart,
                ARTICLES,
                firstProgressMillis,
                ARTICLES,
                allEnrichedMillis,
                ids.size(),
                indexMillis);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(JDBC, USER, PASSWORD);
    }

    /** Articles of the source per state, read straight from the database (fails while it is down). */
    static Map<String, Long> states(String source) throws SQLException {
        try (Connection c = connect();
                PreparedStatement st = c.prepareStatement("SELECT a.state, COUNT(*) FROM article a"
                        + " JOIN source s ON s.id = a.source_id WHERE s.name = ? GROUP BY a.state")) {
            st.setString(1, source);
            Map<String, Long> counts = new java.util.TreeMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException restarting) {
            return Map.of();
        }
    }

    private static long single(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Search hits for TAG (fails unless the api answers 200). */
    /** The distinct article ids the analyst's search for {@code tag} returns over its first {@code count} hits. */
    static Set<Long> searchHitIds(String tag, int count) {
        Set<Long> ids = new HashSet<>();
        for (int page = 0; page * 100 < count; page++) {
            List<Number> hits = given().auth()
                    .oauth2(Platform.token("analyst", "analyst"))
                    .queryParam("q", tag)
                    .queryParam("size", 100)
                    .queryParam("page", page)
                    .get(Platform.API + "/api/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("hits.id");
            hits.forEach(id -> ids.add(id.longValue()));
        }
        return ids;
    }

    static long searchTotal(String tag) {
        return given().auth()
                .oauth2(Platform.token("analyst", "analyst"))
                .queryParam("q", tag)
                .queryParam("size", 1)
                .get(Platform.API + "/api/search")
                .then()
                .statusCode(200)
                .extract()
                .<Number>path("total")
                .longValue();
    }

    /** COUNT distinct articles naming people and places, each carrying the tag once, as import JSON lines. */
    static String articles(String tag, String source, int count) throws Exception {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder();
            body.append(PEOPLE[i % PEOPLE.length])
                    .append(" spoke in ")
                    .append(PLACES[i % PLACES.length])
                    .append(" on Monday about the ")
                    .append(tag)
                    .append(" report. ");
            for (int w = 0; w < 250; w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
            }
            lines.add(JSON.writeValueAsString(Map.of(
                    "url",
                    "https://faults.example/" + tag + "/" + i,
                    "title",
                    "Fault test " + i + " " + WORDS[i % WORDS.length],
                    "body",
                    body.toString().strip(),
                    // old, so the dashboard's first page stays the demo newsroom's
                    "published",
                    "2026-09-01T00:00:00Z",
                    "language",
                    "en",
                    "source",
                    source)));
        }
        return String.join("\n", lines);
    }
}
