package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.source.Source;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ImportResourceTest {

    @TestHTTPResource("/api/imports")
    URI imports;

    private static final String LINES = String.join(
            "\n",
            "{\"url\":\"https://wire.example/a\",\"title\":\"Port reopens\",\"body\":\"The port reopened on Monday.\","
                    + "\"published\":\"2026-11-20T08:00:00Z\",\"source\":\"Example Wire\",\"language\":\"en\"}",
            "{\"url\":\"https://wire.example/b\",\"title\":\"Rates held\",\"body\":\"The bank held rates.\","
                    + "\"published\":\"2026-11-21T09:30:00+01:00\",\"source\":\"Example Wire\"}",
            "",
            "{\"url\":\"https://wire.example/a\",\"title\":\"Port reopens (again)\",\"body\":\"Same URL.\"}",
            "{\"title\":\"No URL\",\"body\":\"x\"}",
            "not json at all",
            "{\"url\":\"https://wire.example/c\",\"body\":\"Bad date.\",\"published\":\"yesterday\"}",
            "{\"url\":\"https://other.example/d\",\"title\":\"Floods recede\",\"body\":\"Water levels fell.\"}");

    @BeforeEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> {
            Article.deleteAll();
            Source.deleteAll();
        });
    }

    @Test
    void adminsBackfillArticlesThatEnterThePipelineAsExtracted() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/x-ndjson")
                .body(LINES.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/imports")
                .then()
                .statusCode(200)
                .body("imported", equalTo(3))
                .body("duplicates", equalTo(1))
                .body("failed", equalTo(3))
                .body("errors.line", contains(5, 6, 7))
                .body("errors[0].reason", equalTo("url is required"))
                .body("errors[1].reason", equalTo("not a JSON object"))
                .body("errors[2].reason", containsString("published must be an ISO-8601"));

        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/articles?state=EXTRACTED")
                .then()
                .body("total", equalTo(3))
                .body("items.title", contains("Floods recede", "Rates held", "Port reopens"))
                .body("items[1].sourceName", equalTo("Example Wire"));

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/x-ndjson")
                .body(LINES.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/imports")
                .then()
                .body("imported", equalTo(0))
                .body("duplicates", equalTo(4));

        given().auth()
                .oauth2(TestTokens.analyst())
                .get("/api/sources")
                .then()
                .body("findAll { it.kind == 'IMPORT' }", hasSize(1))
                .body("find { it.kind == 'IMPORT' }.enabled", equalTo(false));
    }

    @Test
    void onlyAdminsImport() {
        given().auth()
                .oauth2(TestTokens.analyst())
                .contentType("application/x-ndjson")
                .body(LINES.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/imports")
                .then()
                .statusCode(403);
    }

    @Test
    void aLineOverTheLimitIsSkippedAndReportedAndTheRestImported() {
        // test profile: newsmon.imports.max-line-length=20000
        String huge = "{\"url\":\"https://wire.example/huge\",\"body\":\"" + "x".repeat(30_000) + "\"}";
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("application/x-ndjson")
                .body(String.join("\n", huge, LINES.split("\n")[0]).getBytes(StandardCharsets.UTF_8))
                .post("/api/imports")
                .then()
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("failed", equalTo(1))
                .body("errors[0].line", equalTo(1))
                .body("errors[0].reason", containsString("newsmon.imports.max-line-length"));
    }

    @Test
    void anImportIsStoredWhileItsBodyIsStillArriving() throws Exception {
        // a raw HTTP/1.1 request with a chunked body, so the test decides when each part is sent
        try (Socket socket = new Socket(imports.getHost(), imports.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/imports HTTP/1.1\r\nHost: " + imports.getHost() + ":" + imports.getPort()
                            + "\r\nAuthorization: Bearer " + TestTokens.admin()
                            + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            chunk(out, 0, 600);
            // the first chunk of the import (500 lines) is committed before the client has sent the rest
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> QuarkusTransaction.requiringNew().call(() -> Article.count()) >= 500);
            chunk(out, 600, 700);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").contains("\"imported\":700");
        }
    }

    private static void chunk(OutputStream out, int from, int to) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = from; i < to; i++) {
            lines.append(line(i));
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String line(int i) {
        return "{\"url\":\"https://stream.example/" + i + "\",\"title\":\"Item " + i + "\",\"body\":\"Streamed body "
                + i + ".\"}\n";
    }
}
