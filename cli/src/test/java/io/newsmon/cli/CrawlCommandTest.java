package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.seeds.newsroom.DemoNewsroom;
import io.newsmon.sources.fetch.FetchSettings;
import io.newsmon.sources.politeness.PoliteFetcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrawlCommandTest {

    private static final Map<String, String> LOCAL = Map.of("NEWSMON_FETCH_ALLOWED_PRIVATE_RANGES", "127.0.0.0/8");

    private DemoNewsroom newsroom;

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
        List<JsonNode> lines = crawl(LOCAL, newsroom.feedUri().toString(), 3);
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
        List<JsonNode> lines = crawl(LOCAL, newsroom.baseUri().toString(), 2);
        assertThat(lines).hasSize(2).allMatch(l -> l.path("status").asText().equals("ok"));
    }

    @Test
    void aFailingSourceIsOneErrorLine() throws Exception {
        List<JsonNode> missing = crawl(LOCAL, newsroom.baseUri() + "no-such-feed.xml", 5);
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).path("status").asText()).isEqualTo("error");
        assertThat(missing.get(0).path("error").asText()).contains("HTTP 404");

        List<JsonNode> refused = crawl(Map.of(), newsroom.feedUri().toString(), 5);
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).path("error").asText()).contains("refused").contains("loopback");
    }

    private static List<JsonNode> crawl(Map<String, String> env, String url, int max) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FetchSettings config = FetchSettings.fromEnvironment(env);
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new CrawlCommand(new PoliteFetcher(config), out, Duration.ofSeconds(60)).crawl(url, max);
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
