package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.seeds.newsroom.DemoNewsroom;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newsmon crawl} against the demo newsroom on loopback, allowed as NEWSMON_FETCH_ALLOWED_PRIVATE_RANGES says. */
class CrawlCommandTest {

    private static final Map<String, String> LOCAL = Map.of("NEWSMON_FETCH_ALLOWED_PRIVATE_RANGES", "127.0.0.0/8");

    private DemoNewsroom newsroom;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        newsroom = DemoNewsroom.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        newsroom.close();
    }

    @Test
    void aFeedGivesOneLinePerArticleWithItsExtraction() throws Exception {
        List<JsonNode> lines = crawl(LOCAL, newsroom.feedUri().toString(), "--max", "3");
        assertThat(lines).hasSize(3);
        for (JsonNode line : lines) {
            assertThat(line.path("status").asText()).isEqualTo("ok");
            assertThat(line.path("title").asText()).isNotBlank();
            assertThat(line.path("published").asText()).startsWith("2026-11-");
            assertThat(line.path("bodyLength").asInt()).isGreaterThan(1000);
            assertThat(line.path("error").isNull()).isTrue();
        }
    }

    @Test
    void aHomepageLeadsToItsFeed() throws Exception {
        List<JsonNode> lines = crawl(LOCAL, newsroom.baseUri().toString(), "--max", "2");
        assertThat(lines).hasSize(2).allMatch(l -> l.path("status").asText().equals("ok"));
    }

    @Test
    void aFailingSourceIsOneErrorLine() throws Exception {
        List<JsonNode> missing = crawl(LOCAL, newsroom.baseUri() + "no-such-feed.xml", "--max", "5");
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).path("status").asText()).isEqualTo("error");
        assertThat(missing.get(0).path("error").asText()).contains("HTTP 404");

        List<JsonNode> refused = crawl(Map.of(), newsroom.feedUri().toString(), "--max", "5");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).path("error").asText()).contains("refused").contains("loopback");
    }

    @Test
    void badOptionsAreUsageErrorsThatNameThem() {
        assertThat(run(LOCAL)).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'URL'");
        assertThat(run(LOCAL, newsroom.feedUri().toString(), "--max", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--max must be at least 1");
        assertThat(run(LOCAL, newsroom.feedUri().toString(), "--time-limit", "soon"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--time-limit");
        assertThat(run(
                        Map.of("NEWSMON_FETCH_ALLOWED_PRIVATE_RANGES", "not-a-range"),
                        newsroom.feedUri().toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("NEWSMON_FETCH_ALLOWED_PRIVATE_RANGES")
                .contains("not-a-range");
        assertThat(out.toString()).as("nothing was crawled").isEmpty();
    }

    private int run(Map<String, String> env, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new CrawlCommand(env));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private List<JsonNode> crawl(Map<String, String> env, String... args) throws Exception {
        assertThat(run(env, args)).as(err.toString()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
