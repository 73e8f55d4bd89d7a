package io.newsmon.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The mail sink down while an instant topic matches: the api records the failed sends with their SMTP
 * error and retries; once the sink is back the analyst gets exactly one e-mail, and later rounds send no
 * second one.
 */
class SmtpOutageFaultTest {

    private static final String MAIL_API = System.getProperty("newsmon.e2e.mail", "http://127.0.0.1:8025");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void alertsHeldWhileSmtpIsDownAreDeliveredOnceWhenItIsBack() throws Exception {
        String tag = "smtp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String subject = "Outage " + tag;
        String analyst = Platform.token("analyst", "analyst");
        int topic = given().auth()
                .oauth2(analyst)
                .contentType(ContentType.JSON)
                .body(Map.of("name", subject, "query", tag, "alertMode", "INSTANT"))
                .post(Platform.API + "/api/topics")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String smtpError;
        try {
            Launcher.newsmon("down", "mail");
            given().auth()
                    .oauth2(Platform.token("admin", "admin"))
                    .contentType("application/x-ndjson")
                    .body(JSON.writeValueAsString(Map.of(
                                    "url",
                                    "https://faults.example/" + tag,
                                    "title",
                                    "Harbour board approves " + tag + " plan",
                                    "body",
                                    ("The harbour board approved the " + tag + " plan on Tuesday after a long"
                                                    + " debate. ")
                                            .repeat(3),
                                    "published",
                                    "2024-03-01T10:00:00Z",
                                    "language",
                                    "en",
                                    "source",
                                    "Fault test SMTP"))
                            .getBytes(StandardCharsets.UTF_8))
                    .post(Platform.API + "/api/imports")
                    .then()
                    .statusCode(200);

            // the api tried, failed, and says why
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        JsonNode d = delivery(analyst, topic);
                        return d != null && d.path("attempts").asInt() >= 1;
                    });
            JsonNode failed = delivery(analyst, topic);
            smtpError = failed.path("lastError").asText();
            assertThat(failed.path("state").asText())
                    .as("delivery while SMTP is down")
                    .isNotEqualTo("SENT");
            assertThat(failed.path("lastError").asText())
                    .as("the SMTP error kept")
                    .isNotBlank();
        } finally {
            Launcher.newsmon("up", "mail");
        }
        long back = System.nanoTime();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !subjects(subject).isEmpty());
        long deliveredMillis = (System.nanoTime() - back) / 1_000_000;
        Thread.sleep(12_000); // two more alert rounds (every 5 s) must not send it again
        assertThat(subjects(subject)).as("e-mails for the topic").hasSize(1);
        JsonNode sent = delivery(analyst, topic);
        assertThat(sent.path("state").asText()).isEqualTo("SENT");
        given().auth().oauth2(analyst).delete(Platform.API + "/api/topics/" + topic);
        System.out.printf(
                Locale.ROOT,
                "faults: SMTP down: the alert failed %d time(s) (%s); delivered once %d ms after the sink was back%n",
                sent.path("attempts").asInt() - 1,
                smtpError,
                deliveredMillis);
    }

    /** The topic's newest delivery, or null while there is none. */
    private static JsonNode delivery(String token, int topic) throws Exception {
        JsonNode list = JSON.readTree(given().auth()
                .oauth2(token)
                .get(Platform.API + "/api/alerts/deliveries?topic=" + topic)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        return list.isArray() && !list.isEmpty() ? list.get(0) : null;
    }

    /** Subjects of the analyst's e-mails in the local sink that contain TEXT. */
    private static List<String> subjects(String text) throws Exception {
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
        for (JsonNode m : messages) {
            if (m.path("subject").asText().contains(text)) {
                subjects.add(m.path("subject").asText());
            }
        }
        return subjects;
    }
}
