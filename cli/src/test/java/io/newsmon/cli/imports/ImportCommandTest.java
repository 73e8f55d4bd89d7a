package io.newsmon.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.cli.platform.FakePlatform;
import io.newsmon.cli.platform.FakePlatform.Reply;
import io.newsmon.cli.platform.FakePlatform.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;

/** {@code newsmon import} against a local stand-in for Keycloak and the api: what it sends, and the wait after. */
class ImportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT = "{\"imported\":2,\"duplicates\":0,\"failed\":1,"
            + "\"errors\":[{\"line\":3,\"reason\":\"url is required\"}]}";

    @TempDir
    Path dir;

    private FakePlatform platform;

    @BeforeEach
    void start() throws IOException {
        platform = new FakePlatform();
        platform.on("/api/imports", r -> Reply.json(REPORT));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private Path jsonl() throws IOException {
        Path file = dir.resolve("corpus.jsonl");
        Files.writeString(
                file,
                "{\"url\":\"https://a.example/1\",\"title\":\"One\",\"body\":\"Första raden.\"}\n"
                        + "{\"url\":\"https://a.example/2\",\"title\":\"Two\",\"body\":\"Second.\"}\n"
                        + "{\"title\":\"no url\"}\n",
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aJsonLinesFileIsSentAsItIsThenTheCommandWaitsUntilItIsSearchable() throws IOException {
        Path file = jsonl();
        AtomicInteger polls = new AtomicInteger();
        platform.on(
                "/api/search/status",
                r -> Reply.json(
                        switch (polls.incrementAndGet()) {
                            case 1 -> status(false, 2, 40, 41);
                            case 2 -> status(true, 0, 41, 43);
                            default -> status(true, 0, 43, 43);
                        }));
        // the token lives a second: the second status poll, a second later, logs in again
        platform.tokenLife = 1;

        Run r = platform.run("import", file.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        FakePlatform.Request sent = platform.to("/api/imports").get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.contentType()).isEqualTo("application/x-ndjson");
        assertThat(sent.authorization()).startsWith("Bearer token-admin-");
        // a file goes as it is, with its length
        assertThat(sent.body()).isEqualTo(Files.readAllBytes(file));
        assertThat(sent.contentLength()).isEqualTo(Long.toString(Files.size(file)));
        assertThat(r.out()).isEqualTo(REPORT + "\nsearchable: every imported article is enriched and indexed\n");
        assertThat(r.err())
                .contains("[" + ".".repeat(40) + "]   0%  waiting: 2 articles to enrich, index at sequence 40 of 41")
                .contains("[" + "#".repeat(40) + "] 100%  waiting: 0 articles to enrich, index at sequence 41 of 43");
        assertThat(polls.get()).isEqualTo(3);
        assertThat(platform.logins.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void noWaitReturnsOnceTheApiHasTheArticles() throws IOException {
        Run r = platform.run("import", "--no-wait", jsonl().toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(REPORT + "\n");
        assertThat(platform.to("/api/search/status")).isEmpty();
    }

    @Test
    void waitingGivesUpAfterNewsmonImportWaitSeconds() throws IOException {
        platform.on("/api/search/status", r -> Reply.json(status(true, 5, 10, 10)));
        Map<String, String> env = platform.env();
        env.put("NEWSMON_IMPORT_WAIT", "1");

        Run r = FakePlatform.run(env, "import", jsonl().toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(REPORT + "\n");
        assertThat(r.err())
                .endsWith(
                        "import: gave up waiting after 1 s (5 still to enrich); is nlp running? (./newsmon status)\n");
    }

    @Test
    void aWarcFileIsConvertedAndStreamedToTheApi() throws IOException {
        Path warc =
                WarcToJsonlTest.write(dir.resolve("crawl.warc.gz"), WarcCompression.GZIP, WarcToJsonlTest.archive());

        Run r = platform.run("import", "--no-wait", warc.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(REPORT + "\n");
        // the converter's report on stderr
        assertThat(r.err()).contains("3 pages, 2 articles written, 5 skipped, 0 errors");
        FakePlatform.Request sent = platform.to("/api/imports").get(0);
        assertThat(sent.contentType()).isEqualTo("application/x-ndjson");
        // streamed as the converter writes: no length known beforehand
        assertThat(sent.transferEncoding()).isEqualToIgnoringCase("chunked");
        List<String> urls = new ArrayList<>();
        for (String line : sent.text().split("\n")) {
            JsonNode article = JSON.readTree(line);
            urls.add(article.path("url").asText());
            assertThat(article.path("body").asText()).isNotBlank();
        }
        assertThat(urls).containsExactly(WarcToJsonlTest.FERRY_URL, WarcToJsonlTest.SNOW_URL);
    }

    @Test
    void aWarcFileWithoutArticlesSendsNothing() throws IOException {
        Path warc = WarcToJsonlTest.write(
                dir.resolve("empty.warc"),
                WarcCompression.NONE,
                WarcToJsonlTest.archive().subList(0, 2));

        Run r = platform.run("import", warc.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(warc + ": no articles to import\n");
        assertThat(platform.to("/api/imports")).isEmpty();
    }

    @Test
    void aFileThatIsNotAWarcOrIsMissingOrOfAnotherKindIsAUsageError() throws IOException {
        Path notWarc = dir.resolve("notes.warc");
        Files.writeString(notWarc, "Shopping list\nmilk\n");
        Run r = platform.run("import", notWarc.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(notWarc + ": not a WARC file (");
        assertThat(platform.to("/api/imports")).isEmpty();

        Run missing = platform.run("import", dir.resolve("gone.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains(dir.resolve("gone.jsonl") + ": no such file");

        Path csv = Files.writeString(dir.resolve("corpus.csv"), "url,title\n");
        Run other = platform.run("import", csv.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains(csv + ": expected a .jsonl file");

        assertThat(platform.run("import").exit()).isEqualTo(2);
    }

    @Test
    void anImportTheApiRefusesFailsWithItsDetail() throws IOException {
        platform.on(
                "/api/imports",
                r -> Reply.problem(
                        413,
                        "{\"status\":413,\"title\":\"Request Entity Too Large\",\"detail\":\"the body is too large\"}"));

        Run r = platform.run("import", jsonl().toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("import: the api refused the import (HTTP 413): the body is too large\n");
    }

    static String status(boolean ready, long pending, long indexed, long database) {
        return "{\"ready\":" + ready + ",\"rebuilding\":false,\"indexedSeq\":" + indexed + ",\"databaseSeq\":"
                + database + ",\"documents\":" + indexed + ",\"pending\":" + pending + ",\"failure\":null}";
    }
}
