package io.newsmon.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code ./newsmon import FILE.jsonl} against the running platform: the articles come out enriched. */
class ImportE2ETest {

    @Test
    void importedArticlesAreEnrichedLikeFetchedOnes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String source = "E2E import " + run;
        Path file = Files.createTempFile("newsmon-import", ".jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        line(
                                run,
                                1,
                                "Le conseil municipal a voté mardi un nouveau plan de transport pour la ville.",
                                source),
                        line(
                                run,
                                2,
                                "The council voted on Tuesday for a new transport plan for the city centre.",
                                source),
                        "{\"title\":\"no url\"}"),
                StandardCharsets.UTF_8);

        Process importer = new ProcessBuilder(
                        List.of(Path.of("..", "newsmon").toAbsolutePath().toString(), "import", file.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(importer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(importer.waitFor()).as(output).isZero();
        assertThat(output).contains("\"imported\":2").contains("\"failed\":1").contains("url is required");

        String token = Platform.token("analyst", "analyst");
        int sourceId = given().auth()
                .oauth2(token)
                .get(Platform.API + "/api/sources")
                .then()
                .extract()
                .path("find { it.name == '" + source + "' }.id");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(token)
                                .get(Platform.API + "/api/articles?state=ENRICHED&source=" + sourceId)
                                .then()
                                .extract()
                                .<Integer>path("total")
                        == 2);
        List<String> languages = given().auth()
                .oauth2(token)
                .get(Platform.API + "/api/articles?source=" + sourceId)
                .then()
                .extract()
                .path("items.language");
        assertThat(languages).containsExactlyInAnyOrder("fr", "en");
    }

    private static String line(String run, int n, String body, String source) {
        return "{\"url\":\"https://import.example/" + run + "/" + n + "\",\"title\":\"Imported " + n + "\",\"body\":\""
                + body + "\",\"published\":\"2026-10-0" + n + "T10:00:00Z\",\"source\":\"" + source + "\"}";
    }
}
