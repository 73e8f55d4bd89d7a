package io.newsmon.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL the running nlp service while a batch of fresh articles flows through enrichment, start it
 * again with the launcher, and check that every article still reaches ENRICHED.
 */
class CrashRecoveryE2ETest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final int ARTICLES = 400;
    private static final String[] WORDS = ("council harbour minister strike budget election court river storm"
                    + " vaccine market bank rail port farmers talks border energy school hospital police bridge")
            .split(" ");

    @Test
    void killingNlpMidRunLosesNoArticle() throws Exception {
        String source = "Crash test " + UUID.randomUUID().toString().substring(0, 8);
        String admin = Platform.token("admin", "admin");
        given().auth()
                .oauth2(admin)
                .contentType("application/x-ndjson")
                .body(articles(source).getBytes(StandardCharsets.UTF_8))
                .post(Platform.API + "/api/imports")
                .then()
                .statusCode(200);
        int sourceId = given().auth()
                .oauth2(admin)
                .get(Platform.API + "/api/sources")
                .then()
                .extract()
                .path("find { it.name == '" + source + "' }.id");

        // the moment nlp has enriched part of the batch, kill it without warning
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count(sourceId, "ENRICHED") > 0);
        long pid = Long.parseLong(
                Files.readString(ROOT.resolve("data/pids/nlp.pid")).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        long enrichedAtCrash = count(sourceId, "ENRICHED");

        Process restart = new ProcessBuilder(List.of(ROOT.resolve("newsmon").toString(), "up", "nlp"))
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/newsmon-up-nlp.log"))
                .start();
        assertThat(restart.waitFor()).as("./newsmon up nlp").isZero();

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> count(sourceId, "ENRICHED") == ARTICLES);
        assertThat(count(sourceId, "FAILED")).isZero();
        assertThat(enrichedAtCrash).as("killed mid-run").isLessThan(ARTICLES);
    }

    /** Distinct articles, so that none is a near-duplicate of another or of the demo newsroom's. */
    private static String articles(String source) {
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 300; w++) {
                body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
            }
            lines.add("{\"url\":\"https://crash.example/" + UUID.randomUUID() + "\",\"title\":\"Crash test " + i
                    + "\",\"body\":\"" + body.toString().strip()
                    // dated before the demo newsroom's stories, so the dashboard's first page stays theirs
                    + "\",\"published\":\"2026-10-01T00:00:00Z\",\"language\":\"en\",\"source\":\"" + source
                    + "\"}");
        }
        return String.join("\n", lines);
    }

    private static long count(int sourceId, String state) {
        String token = Platform.token("analyst", "analyst");
        Integer total = given().auth()
                .oauth2(token)
                .get(Platform.API + "/api/articles?size=1&source=" + sourceId + "&state=" + state)
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        return total;
    }
}
