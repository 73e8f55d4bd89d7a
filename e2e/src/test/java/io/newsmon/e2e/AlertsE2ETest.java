package io.newsmon.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A saved instant topic against the running platform: importing a matching article makes nlp match it and
 * the api e-mail the analyst through the real local SMTP sink (GreenMail) exactly once within 60 s; a
 * topic nothing matches gets no e-mail; the match shows in the topic's history and its Atom feed.
 */
class AlertsE2ETest {

    private static final String MAIL_API = System.getProperty("newsmon.e2e.mail", "http://127.0.0.1:8025");
    private static final Path LAUNCHER = Path.of("..", "newsmon").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anInstantTopicGetsExactlyOneEmailForAMatchingArticleAndNoneForOthers() throws Exception {
        String tag = "qv"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        String token = Platform.token("analyst", "analyst");
        int matching = topic(token, "Harbour " + tag, tag);
        int silent = topic(token, "Silent " + tag, tag + "nothing");

        Path file = Files.createTempFile("newsmon-alerts", ".jsonl");
        Files.writeString(
                file,
                line(
                                tag,
                                1,
                                "Harbour board approves " + tag + " plan",
                                "The harbour board approved the " + tag + " plan on Tuesday after a long debate.")
                        + "\n"
                        + line(
                                tag,
                                2,
                                "Ferry timetable for winter",
                                "The ferry company published its winter timetable; two crossings are cut."),
                StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Process imported = new ProcessBuilder(LAUNCHER.toString(), "import", "--no-wait", file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(imported.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(imported.waitFor()).as(output).isZero();

        String subject = "Harbour " + tag;
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> subjects().stream().anyMatch(s -> s.contains(subject)));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        // the next rounds of the scheduler must not send it again
        Thread.sleep(10_000);
        List<String> subjects = subjects();
        assertThat(subjects.stream().filter(s -> s.contains(subject)))
                .as("e-mails for the matching topic (first after %d s)", seconds)
                .hasSize(1)
                .allMatch(s -> s.contains("1 new article"));
        assertThat(subjects).noneMatch(s -> s.contains("Silent " + tag));

        JsonNode matches = JSON.readTree(given().auth()
                .oauth2(token)
                .get(Platform.API + "/api/topics/" + matching + "/matches")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).path("url").asText()).isEqualTo(url(tag, 1));
        assertThat(matches.get(0).path("deliveryState").asText()).isEqualTo("SENT");
        given().auth()
                .oauth2(token)
                .get(Platform.API + "/api/topics/" + silent + "/matches")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));

        String feedUrl = given().auth()
                .oauth2(token)
                .get(Platform.API + "/api/topics/" + matching)
                .then()
                .extract()
                .path("feedUrl");
        String atom = given().get(feedUrl).then().statusCode(200).extract().asString();
        assertThat(atom).contains("Harbour board approves " + tag + " plan").doesNotContain("Ferry timetable");

        // another analyst cannot see it
        String other = Platform.token("reporter", "reporter");
        given().auth()
                .oauth2(other)
                .get(Platform.API + "/api/topics/" + matching)
                .then()
                .statusCode(404);
    }

    private static int topic(String token, String name, String query) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"query\":\"" + query + "\",\"alertMode\":\"INSTANT\"}")
                .post(Platform.API + "/api/topics")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Subjects of the e-mails the local sink holds for the analyst (GreenMail's API). */
    private static List<String> subjects() throws Exception {
        String body = given().get(MAIL_API + "/api/user/analyst@newsmon.local/messages/")
                .then()
                .extract()
                .asString();
        List<String> subjects = new ArrayList<>();
        JsonNode messages;
        try {
            messages = JSON.readTree(body.isBlank() ? "[]" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException noMailboxYet) {
            return subjects;
        }
        if (messages.isArray()) {
            for (JsonNode m : messages) {
                subjects.add(m.path("subject").asText());
            }
        }
        return subjects;
    }

    private static String url(String tag, int n) {
        return "https://e2e-alerts.example/" + tag + "/" + n;
    }

    private static String line(String tag, int n, String title, String body) throws Exception {
        return JSON.writeValueAsString(java.util.Map.of(
                "url",
                url(tag, n),
                "title",
                title,
                "body",
                body + " " + body + " The board will meet again next month to review progress.",
                "published",
                // an old date keeps these short test articles off the top of the dashboard's latest list
                "2024-03-01T10:00:00Z",
                "source",
                "E2E alerts",
                "language",
                "en"));
    }
}
