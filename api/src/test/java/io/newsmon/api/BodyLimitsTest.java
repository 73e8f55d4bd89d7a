package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.source.Source;
import io.newsmon.domain.topic.Topic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request bodies: small everywhere (newsmon.api.max-body-size, 256 KiB), large only for imports. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BodyLimitsTest {

    @TestHTTPResource("/api/topics")
    URI topics;

    @BeforeEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> {
            Topic.deleteAll();
            Article.deleteAll();
            Source.deleteAll();
        });
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String big = "{\"name\":\"big\",\"query\":\"harbour\",\"filter\":\"" + "x".repeat(300_000) + "\"}";
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body(big)
                .post("/api/topics")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("newsmon.api.max-body-size"));
        // anonymous callers get the same answer: nothing is buffered for them either
        given().contentType(ContentType.JSON)
                .body(big)
                .post("/api/topics")
                .then()
                .statusCode(413);
        // a normal body passes
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"small\",\"query\":\"harbour\"}")
                .post("/api/topics")
                .then()
                .statusCode(201);
    }

    @Test
    void aChunkedBodyOfUnknownSizeIsRefusedOutsideImports() throws Exception {
        byte[] body = "{\"name\":\"chunked\",\"query\":\"harbour\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(topics)
                                .header("Authorization", "Bearer " + TestTokens.analyst())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(411);
        assertThat(answer.body()).contains("Content-Length");
    }

    @Test
    void importsTakeLargeBodies() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; lines.length() < 600_000; i++) {
            lines.append("{\"url\":\"https://big.example/")
                    .append(i)
                    .append("\",\"body\":\"")
                    .append("word ".repeat(200))
                    .append("\"}\n");
        }
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/x-ndjson")
                .body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/imports")
                .then()
                .statusCode(200)
                .body("failed", equalTo(0));
    }
}
