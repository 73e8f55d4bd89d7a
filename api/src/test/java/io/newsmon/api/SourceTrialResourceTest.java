package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.newsmon.domain.source.Source;
import io.newsmon.domain.source.SourceTrial;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trying a source through the api: the api queues the trial (ingest runs it; here the test writes what ingest
 * would, at the module's own boundary) and reads it back while it runs.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SourceTrialResourceTest {

    @BeforeEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> {
            SourceTrial.deleteAll();
            Source.delete("url like ?1", "https://trial.example/%");
        });
    }

    @Test
    void anAdminQueuesATrialAndReadsItsLinesAsIngestWritesThem() {
        String location = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://trial.example/rss\",\"maxArticles\":3}")
                .post("/api/sources/trials")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/sources/trials/"))
                .body("state", equalTo("PENDING"))
                .body("maxArticles", equalTo(3))
                .body("lines", hasSize(0))
                .extract()
                .header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        QuarkusTransaction.requiringNew().run(() -> {
            SourceTrial t = SourceTrial.findById(id);
            t.state = SourceTrial.State.DONE;
            t.finishedAt = Instant.now();
            t.lines = "[{\"url\":\"https://trial.example/a\",\"status\":\"ok\",\"title\":\"A story\","
                    + "\"published\":\"2026-12-01T10:00:00Z\",\"bodyLength\":1200,\"error\":null},"
                    + "{\"url\":\"https://trial.example/b\",\"status\":\"error\",\"title\":null,"
                    + "\"published\":null,\"bodyLength\":0,\"error\":\"HTTP 404\"}]";
        });

        given().auth()
                .oauth2(TestTokens.admin())
                .get(location)
                .then()
                .statusCode(200)
                .body("state", equalTo("DONE"))
                .body("lines", hasSize(2))
                .body("lines[0].title", equalTo("A story"))
                .body("lines[1].error", equalTo("HTTP 404"))
                .body("ok", equalTo(1))
                .body("existingSourceId", nullValue());
    }

    @Test
    void aTrialOfAnExistingSourceNamesIt() {
        int source = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://trial.example/known\"}")
                .post("/api/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://trial.example/known\"}")
                .post("/api/sources/trials")
                .then()
                .statusCode(202)
                .body("existingSourceId", equalTo(source));
    }

    @Test
    void onlyAdminsTryAndBadRequestsAreRefusedByField() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://trial.example/rss\"}")
                .post("/api/sources/trials")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"file:///etc/passwd\"}")
                .post("/api/sources/trials")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].reason", containsString("http or https"));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://trial.example/rss\",\"maxArticles\":500}")
                .post("/api/sources/trials")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("maxArticles"));
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/sources/trials/987654")
                .then()
                .statusCode(404);
    }

    @Test
    void askingAgainWhileItWaitsGivesTheSameTrialAndPatternsAreChecked() {
        int first = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://trial.example/twice\",\"excludePattern\":\"/video/\"}")
                .post("/api/sources/trials")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://trial.example/twice\",\"excludePattern\":\"/video/\"}")
                .post("/api/sources/trials")
                .then()
                .statusCode(202)
                .body("id", equalTo(first));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://trial.example/twice\",\"includePattern\":\"([a-z\"}")
                .post("/api/sources/trials")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("includePattern"));
        String stored = QuarkusTransaction.requiringNew()
                .call(() -> SourceTrial.<SourceTrial>findById((long) first).excludePattern);
        assertThat(stored)
                .as("the pattern the source would get, kept for ingest")
                .isEqualTo("/video/");
    }

    @Test
    void anAdminWithFiveTrialsWaitingMustWaitForOne() {
        for (int i = 0; i < 5; i++) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body("{\"url\":\"https://trial.example/rss" + i + "\"}")
                    .post("/api/sources/trials")
                    .then()
                    .statusCode(202);
        }
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"url\":\"https://trial.example/rss6\"}")
                .post("/api/sources/trials")
                .then()
                .statusCode(429)
                .body("detail", containsString("5 source trials waiting"));
    }
}
