package io.newsmon.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmon.seeds.newsroom.DemoNewsroom;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL the running nlp service while a fresh source's articles flow through the pipeline, start
 * it again with the launcher, and check that every article still reaches ENRICHED.
 */
class CrashRecoveryE2ETest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void killingNlpMidRunLosesNoArticle() throws Exception {
        String admin = Platform.token("admin", "admin");
        try (DemoNewsroom fresh = DemoNewsroom.start("127.0.0.1", 0)) {
            int sourceId = given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body("{\"url\":\"" + fresh.feedUri() + "\",\"name\":\"Crash test newsroom\"}")
                    .post(Platform.API + "/api/sources")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            // the moment nlp has work from this source, kill it without warning
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> count(sourceId, "EXTRACTED") + count(sourceId, "ENRICHED") > 0);
            long pid = Long.parseLong(
                    Files.readString(ROOT.resolve("data/pids/nlp.pid")).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ProcessHandle.of(pid).isEmpty()
                            || !ProcessHandle.of(pid).get().isAlive());
            long enrichedAtCrash = count(sourceId, "ENRICHED");

            Process restart = new ProcessBuilder(List.of(ROOT.resolve("newsmon").toString(), "up", "nlp"))
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/newsmon-up-nlp.log"))
                    .start();
            assertThat(restart.waitFor()).as("./newsmon up nlp").isZero();

            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> count(sourceId, "ENRICHED") == fresh.articleCount());
            assertThat(count(sourceId, "FAILED")).isZero();
            assertThat(enrichedAtCrash).isLessThan(fresh.articleCount());
        }
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
