package io.newsmon.sources.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.extract.ArticleExtractor;
import io.newsmon.sources.fetch.FetchSettings;
import io.newsmon.sources.politeness.PoliteFetcher;
import io.newsmon.sources.trial.TrialCrawl;
import io.newsmon.sources.url.UrlPatterns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./newsmon crawl} (its {@link TrialCrawl}) against a site that misbehaves in every way the issue lists: each case ends in
 * its own clear line, nothing hangs or crashes, nothing forbidden is asked for, and the well-behaved
 * articles (one in windows-1251) come through with their titles.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a speed assertion
class HostileCrawlTest {

    private static HostileSite site;
    private static Map<String, JsonNode> byPath;
    private static List<JsonNode> lines;
    private static int robotsReads;
    private static int trackedReads;

    /** Short limits so the dripping and endless bodies give up quickly; loopback allowed as in the acceptance run. */
    private static final FetchSettings SETTINGS = FetchSettings.defaults()
            .withAllowedRanges(List.of("127.0.0.0/8"))
            .withLimits(Duration.ofSeconds(3), 1024 * 1024, 3)
            .withMinDelay(Duration.ZERO);

    /**
     * For the pages that are heavy to read rather than to fetch: a body limit above the 10 MB page (the
     * fetch limit counts bytes as they arrive, and again once decoded; the extractor then reads at most
     * its first 8 MB).
     */
    private static final FetchSettings HEAVY_SETTINGS =
            SETTINGS.withLimits(Duration.ofSeconds(10), 16 * 1024 * 1024, 3);

    private static Map<String, JsonNode> heavy;

    @BeforeAll
    static void crawlTheHostileFeed() throws Exception {
        site = HostileSite.start();
        heavy = new LinkedHashMap<>();
        for (JsonNode line : crawl(site.url("/feeds/heavy.xml"), 50, HEAVY_SETTINGS)) {
            heavy.put(line.path("url").asText().replaceFirst("^http://127\\.0\\.0\\.1:\\d+", ""), line);
        }
        int robotsBefore = site.hits("/robots.txt");
        lines = crawl(site.url("/feed.xml"), 50);
        robotsReads = site.hits("/robots.txt") - robotsBefore;
        trackedReads = site.hits("/articles/tracked-story-about-the-lighthouse");
        byPath = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            String url = line.path("url").asText();
            String key = url.startsWith("http") ? url.replaceFirst("^http://127\\.0\\.0\\.1:\\d+", "") : url;
            byPath.putIfAbsent(key, line);
        }
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void wellBehavedArticlesComeThroughWithTheirTitles() {
        JsonNode plain = byPath.get("/articles/harbour-cranes-arrive-at-the-new-quay");
        assertThat(plain.path("status").asText()).isEqualTo("ok");
        assertThat(plain.path("title").asText()).isEqualTo("Harbour cranes arrive at the new quay");
        assertThat(plain.path("bodyLength").asInt()).isGreaterThan(800);
    }

    @Test
    void aWindows1251PageIsDecodedWhetherItsMetaSaysSoOrNothingDoes() {
        assertThat(byPath.get("/articles/cp1251-meta").path("title").asText()).isEqualTo(HostileSite.CYRILLIC_TITLE);
        assertThat(byPath.get("/articles/cp1251-undeclared").path("title").asText())
                .isEqualTo(HostileSite.CYRILLIC_TITLE + " (без объявления)");
    }

    @Test
    void compressedBodiesAreDecodedAndABombIsRefusedByItsDecodedSize() {
        assertThat(byPath.get("/articles/gzip").path("title").asText()).isEqualTo("A gzip-encoded story");
        assertThat(byPath.get("/articles/brotli").path("title").asText()).isEqualTo("Brotli page");
        JsonNode bomb = byPath.get("/articles/bomb");
        assertThat(bomb.path("status").asText()).isEqualTo("error");
        assertThat(bomb.path("error").asText()).contains("once decompressed").contains("limit");
    }

    @Test
    void slowAndEndlessBodiesEndInTheirOwnErrors() {
        assertThat(byPath.get("/articles/drip").path("error").asText()).contains("timeout");
        assertThat(byPath.get("/articles/endless").path("error").asText())
                .contains("larger than the 1048576-byte limit");
    }

    @Test
    void redirectLoopsAndForbiddenTargetsAreRefusedByName() {
        assertThat(byPath.get("/articles/loop-a").path("error").asText()).contains("more than 3 redirects");
        assertThat(byPath.get("/articles/to-metadata").path("error").asText())
                .contains("refused")
                .contains("169.254.169.254");
        assertThat(byPath.get("/articles/to-private").path("error").asText())
                .contains("refused")
                .contains("10.1.2.3");
        assertThat(byPath.get("/articles/to-file").path("error").asText()).contains("only http and https");
        assertThat(byPath.get("file:///etc/passwd").path("status").asText()).isEqualTo("error");
        assertThat(lines).noneMatch(l -> l.toString().contains("root:"));
    }

    @Test
    void httpErrorsAndBinaryBodiesAreData() {
        JsonNode limited = byPath.get("/articles/rate-limited");
        assertThat(limited.path("error").asText()).contains("HTTP 429").contains("Retry-After: 120");
        assertThat(byPath.get("/articles/gone").path("error").asText()).contains("HTTP 410");
        assertThat(byPath.get("/articles/binary").path("error").asText()).contains("binary");
    }

    @Test
    void robotsTxtIsObeyed() {
        assertThat(byPath.get("/private/secret-page").path("status").asText()).isEqualTo("skipped");
        assertThat(site.hits("/private/secret-page")).isZero();
        assertThat(robotsReads)
                .as("robots.txt is read once per host and cached")
                .isEqualTo(1);
    }

    @Test
    void oneArticleUnderFiveTrackingVariantsIsFetchedOnce() {
        List<String> statuses = lines.stream()
                .filter(l -> l.path("url").asText().contains("tracked-story-about-the-lighthouse"))
                .map(l -> l.path("status").asText())
                .toList();
        assertThat(statuses).containsExactly("ok", "duplicate", "duplicate", "duplicate", "duplicate");
        assertThat(trackedReads).isEqualTo(1);
    }

    @Test
    void everyItemOfTheFeedGetsExactlyOneLine() {
        assertThat(lines).hasSize(22);
        assertThat(lines)
                .allMatch(l -> List.of("ok", "error", "duplicate", "skipped")
                        .contains(l.path("status").asText()));
    }

    @Test
    void malformedAndHostileFeedsAreOneErrorLine() throws Exception {
        List<JsonNode> malformed = crawl(site.url("/feeds/malformed.xml"), 5);
        assertThat(malformed).hasSize(1);
        assertThat(malformed.get(0).path("error").asText()).contains("malformed feed XML");

        List<JsonNode> xxe = crawl(site.url("/feeds/xxe.xml"), 5);
        assertThat(xxe).hasSize(1);
        assertThat(xxe.get(0).path("status").asText()).isEqualTo("error");
        assertThat(xxe.get(0).toString()).doesNotContain("root:");
    }

    @Test
    void aTenThousandItemFeedIsCutAtMax() throws Exception {
        List<JsonNode> big = crawl(site.url("/feeds/huge.xml"), 4);
        assertThat(big).hasSize(4);
        assertThat(big).allMatch(l -> l.path("error").asText().contains("HTTP 404"));
    }

    @Test
    void anHtmlPageWhereAFeedWasPromisedIsReadAsASectionPage() throws Exception {
        List<JsonNode> section = crawl(site.url("/feeds/html-instead"), 10);
        assertThat(section)
                .extracting(l -> l.path("title").asText())
                .containsExactly(
                        "Harbour cranes arrive at the new quay",
                        "Ferry timetable changes for winter",
                        "The lighthouse gets a new lamp");
    }

    @Test
    void aTitleOfThirtyTwoThousandOrFourMillionSpacesIsReadAsItsWords() {
        for (String path : List.of("/heavy/spaced-title", "/heavy/huge-title")) {
            JsonNode page = heavy.get(path);
            assertThat(page.path("status").asText())
                    .as(path + ": " + page.path("error"))
                    .isEqualTo("ok");
            assertThat(page.path("title").asText()).as(path).isEqualTo(HeavyPages.SPACED_TITLE);
        }
    }

    @Test
    void megabyteAttributesDoNotHideTheArticle() {
        JsonNode page = heavy.get("/heavy/huge-attributes");
        assertThat(page.path("status").asText()).as(page.path("error").asText()).isEqualTo("ok");
        assertThat(page.path("title").asText()).isEqualTo(HeavyPages.ATTRIBUTES_TITLE);
        assertThat(page.path("published").asText()).isEqualTo("2024-11-05T10:00:00Z");
        assertThat(page.path("bodyLength").asInt()).isBetween(800, 5_000);
    }

    @Test
    void aTenMegabyteTextNodeIsReadUpToTheExtractorsLimit() {
        JsonNode page = heavy.get("/heavy/one-text-node");
        assertThat(page.path("status").asText()).as(page.path("error").asText()).isEqualTo("ok");
        assertThat(page.path("title").asText()).isEqualTo(HeavyPages.TEXT_NODE_TITLE);
        assertThat(page.path("bodyLength").asInt()).isGreaterThan(5_000_000).isLessThan(8 * 1024 * 1024);
    }

    @Test
    void tablesNestedFiveThousandDeepAndPathologicalClassNamesEndCleanly() {
        JsonNode tables = heavy.get("/heavy/nested-tables");
        assertThat(tables.path("title").asText()).isEqualTo(HeavyPages.TABLES_TITLE);
        assertThat(tables.path("status").asText()).isIn("ok", "error");
        if (tables.path("status").asText().equals("error")) {
            assertThat(tables.path("error").asText()).containsAnyOf("budget", "nested too deeply");
        }
        JsonNode classes = heavy.get("/heavy/class-names");
        assertThat(classes.path("status").asText())
                .as(classes.path("error").asText())
                .isEqualTo("ok");
        assertThat(classes.path("title").asText()).isEqualTo(HeavyPages.CLASSES_TITLE);
        assertThat(heavy).hasSize(HostileSite.HEAVY.size());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // before the bound, this pattern on this URL ran for hours
    void anAdminsBacktrackingIncludePatternGivesUpAndKeepsTheItem() {
        // nested quantifiers that Java's engine cannot cut short: polynomial of degree 12 in the URL's length
        String hostile = site.url("/articles/" + "a".repeat(60) + "!");
        UrlPatterns catastrophic = UrlPatterns.of("(.*a){12}$", null);
        assertThat(catastrophic.keeps(hostile))
                .as("undecided: kept, not silently dropped")
                .isTrue();
        assertThat(UrlPatterns.of(null, "(.*a){12}$").keeps(hostile))
                .as("an undecided exclude does not drop it either")
                .isTrue();
        UrlPatterns sane = UrlPatterns.of("/articles/", ".*/video/.*");
        assertThat(sane.keeps(site.url("/articles/harbour-cranes"))).isTrue();
        assertThat(sane.keeps(site.url("/video/harbour-cranes"))).isFalse();
        assertThat(sane.keeps(site.url("/articles/video/" + "x".repeat(2_000)))).isFalse();
    }

    private static List<JsonNode> crawl(String url, int max) throws Exception {
        return crawl(url, max, SETTINGS);
    }

    /** The lines {@code ./newsmon crawl} prints for {@code url}, as JSON: what its {@link TrialCrawl} gives. */
    private static List<JsonNode> crawl(String url, int max, FetchSettings settings) {
        List<JsonNode> result = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        new TrialCrawl(new PoliteFetcher(settings), new ArticleExtractor(), Duration.ofSeconds(120))
                .run(url, max, line -> result.add(json.valueToTree(line)));
        return result;
    }
}
