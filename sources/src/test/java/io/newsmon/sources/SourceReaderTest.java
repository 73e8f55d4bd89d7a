package io.newsmon.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.sources.SourceRead.ArticlePage;
import io.newsmon.sources.SourceRead.DiscoveredFeed;
import io.newsmon.sources.SourceRead.FeedDocument;
import io.newsmon.sources.SourceRead.NotModified;
import io.newsmon.sources.SourceRead.SectionLinks;
import io.newsmon.sources.SourceRead.Unusable;
import io.newsmon.sources.feed.FeedEntry;
import io.newsmon.sources.fetch.FetchSettings;
import io.newsmon.sources.politeness.PoliteFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every outcome of reading a source, against a local site that serves each kind of document and each bad one. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a speed assertion
class SourceReaderTest {

    private static final int LIMIT = 2 * 1024 * 1024;

    private static HttpServer server;
    private static String base;
    private static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private static SourceReader reader;

    @BeforeAll
    static void site() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", SourceReaderTest::route);
        server.start();
        FetchSettings settings = FetchSettings.defaults()
                .withAllowedRanges(List.of("127.0.0.0/8"))
                .withLimits(Duration.ofSeconds(5), LIMIT, 3)
                .withMinDelay(Duration.ZERO);
        reader = new SourceReader(new PoliteFetcher(settings));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aFeedIsReadAsAFeed() {
        FeedDocument feed = (FeedDocument) reader.read(base + "/feed.xml");
        assertThat(feed.feed().title()).isEqualTo("Harbour Wire");
        assertThat(links(feed.feed().entries()))
                .containsExactly(base + "/news/one-story", base + "/news/two-story", base + "/news/three-story");
        assertThat(feed.warnings()).isEmpty();
        assertThat(feed.url()).isEqualTo(base + "/feed.xml");
    }

    @Test
    void aFeedServedAsHtmlIsStillAFeed() {
        assertThat(reader.read(base + "/feed-as-html")).isInstanceOf(FeedDocument.class);
    }

    @Test
    void aSitemapIndexIsReadWithItsFirstChildSitemapsAndABrokenChildIsAWarning() {
        FeedDocument index = (FeedDocument) reader.read(base + "/sitemap-index.xml");
        assertThat(links(index.feed().entries()))
                .containsExactly(
                        base + "/news/from-child-one",
                        base + "/news/also-from-child-one",
                        base + "/news/from-child-three");
        assertThat(index.warnings())
                .singleElement()
                .asString()
                .contains("/sitemap-2.xml")
                .contains("HTTP 404");
        assertThat(hits("/sitemap-4.xml"))
                .as("only the first three children are read")
                .isZero();
    }

    @Test
    void aPageThatNamesItsFeedIsReadThroughIt() {
        DiscoveredFeed found = (DiscoveredFeed) reader.read(base + "/home");
        assertThat(found.feedUrl()).isEqualTo(base + "/feed.xml");
        assertThat(found.url()).isEqualTo(base + "/home");
        assertThat(found.feed().title()).isEqualTo("Harbour Wire");
        assertThat(found.feed().entries()).hasSize(3);
    }

    @Test
    void aFeedLinkThatFailsIsUnusableAndNamesTheFeed() {
        Unusable broken = (Unusable) reader.read(base + "/home-with-broken-feed");
        assertThat(broken.url()).isEqualTo(base + "/missing-feed.xml");
        assertThat(broken.reason()).contains("the feed the page links to").contains("HTTP 404");
    }

    @Test
    void aSectionPageWithoutAFeedLinkGivesItsArticleLinks() {
        SectionLinks section = (SectionLinks) reader.read(base + "/section");
        assertThat(links(section.feed().entries()))
                .containsExactly(
                        base + "/news/harbour-board-approves-the-winter-schedule",
                        base + "/news/pilots-warn-of-shifting-sandbanks-in-the-channel",
                        base + "/news/fish-market-moves-to-the-old-customs-house");
    }

    @Test
    void anArticleIsOneArticlePageEvenWithRelatedLinks() {
        ArticlePage article = (ArticlePage) reader.read(base + "/news/one-story");
        assertThat(article.notASource()).contains("one article");
        assertThat(new String(article.page().body(), StandardCharsets.UTF_8)).contains("Harbour board meets");
    }

    @Test
    void aPageWithTooFewArticleLinksIsAnArticlePageThatSaysWhyItIsNoSource() {
        ArticlePage bare = (ArticlePage) reader.read(base + "/bare");
        assertThat(bare.notASource()).contains("HTML page").contains("too few article links (0)");
    }

    @Test
    void aConditionalRequestOfAnUnchangedFeedIsNotModified() {
        FeedDocument first = (FeedDocument) reader.read(base + "/etag-feed");
        assertThat(first.page().etag()).isEqualTo("\"v1\"");
        assertThat(reader.read(base + "/etag-feed", Map.of("If-None-Match", "\"v1\"")))
                .isInstanceOf(NotModified.class);
    }

    @Test
    void anHttpErrorIsUnusableWithTheServersRetryAfter() {
        Unusable busy = (Unusable) reader.read(base + "/busy");
        assertThat(busy.url()).isEqualTo(base + "/busy");
        assertThat(busy.reason()).contains("HTTP 503").contains("Retry-After: 120");
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aBinaryBodyIsUnusableByName() {
        Unusable image = (Unusable) reader.read(base + "/logo.png");
        assertThat(image.reason()).contains("binary content (image/png)");
        Unusable disguised = (Unusable) reader.read(base + "/binary-as-html");
        assertThat(disguised.reason()).contains("binary content");
    }

    @Test
    void anEmptyBodyIsUnusableByName() {
        assertThat(((Unusable) reader.read(base + "/empty")).reason()).contains("the response body is empty");
    }

    @Test
    void otherJsonAndXmlAreUnusableWithWhatTheyAre() {
        assertThat(((Unusable) reader.read(base + "/data.json")).reason()).contains("JSON that is not a JSON Feed");
        assertThat(((Unusable) reader.read(base + "/config.xml")).reason()).contains("root element is <config>");
        assertThat(((Unusable) reader.read(base + "/broken.xml")).reason()).contains("malformed feed XML");
    }

    @Test
    void aHugeSectionPageIsReadAndOneOverTheLimitIsUnusable() {
        long start = System.nanoTime();
        SectionLinks huge = (SectionLinks) reader.read(base + "/huge-section");
        assertThat(huge.feed().entries()).hasSize(HUGE_LINKS);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("a 2 MB page of 12,000 links")
                .isLessThan(Duration.ofSeconds(20));
        Unusable tooLarge = (Unusable) reader.read(base + "/too-large");
        assertThat(tooLarge.reason()).contains("larger than the " + LIMIT + "-byte limit");
    }

    @Test
    void aRefusedAddressIsUnusableWithTheGuardsReason() {
        SourceReader strict = new SourceReader(new PoliteFetcher(FetchSettings.defaults()));
        Unusable refused = (Unusable) strict.read(base + "/feed.xml");
        assertThat(refused.reason()).contains("refused").contains("loopback");
    }

    // ---------------------------------------------------------------------------------------------
    // the site

    static final int HUGE_LINKS = 12_000;

    private static void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (ex) {
            switch (path) {
                case "/feed.xml" -> send(ex, 200, "application/rss+xml", rss());
                case "/feed-as-html" -> send(ex, 200, "text/html; charset=utf-8", rss());
                case "/sitemap-index.xml" ->
                    send(
                            ex,
                            200,
                            "application/xml",
                            "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + child(1) + child(2)
                                    + child(3) + child(4) + "</sitemapindex>");
                case "/sitemap-1.xml" ->
                    send(ex, 200, "application/xml", urlset("/news/from-child-one", "/news/also-from-child-one"));
                case "/sitemap-3.xml" -> send(ex, 200, "application/xml", urlset("/news/from-child-three"));
                case "/sitemap-4.xml" -> send(ex, 200, "application/xml", urlset("/news/from-child-four"));
                case "/home" ->
                    send(
                            ex,
                            200,
                            "text/html; charset=utf-8",
                            html(
                                    "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"/feed.xml\">",
                                    sectionLinks()));
                case "/home-with-broken-feed" ->
                    send(
                            ex,
                            200,
                            "text/html",
                            html(
                                    "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"" + base
                                            + "/missing-feed.xml\">",
                                    sectionLinks()));
                case "/section" -> send(ex, 200, "text/html; charset=utf-8", html("", sectionLinks()));
                case "/news/one-story" ->
                    send(
                            ex,
                            200,
                            "text/html; charset=utf-8",
                            html(
                                    "<meta property=\"og:type\" content=\"article\">",
                                    "<article><h1>Harbour board meets</h1><p>The board met.</p></article>"
                                            + sectionLinks()));
                case "/bare" -> send(ex, 200, "text/html", html("", "<h1>News</h1><p>Nothing here yet.</p>"));
                case "/etag-feed" -> {
                    if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                        ex.sendResponseHeaders(304, -1);
                        return;
                    }
                    ex.getResponseHeaders().set("ETag", "\"v1\"");
                    send(ex, 200, "application/rss+xml", rss());
                }
                case "/busy" -> {
                    ex.getResponseHeaders().set("Retry-After", "120");
                    send(ex, 503, "text/plain", "down for maintenance");
                }
                case "/logo.png" -> send(ex, 200, "image/png", png());
                case "/binary-as-html" -> send(ex, 200, "text/html", noise());
                case "/empty" -> send(ex, 200, "text/html; charset=utf-8", new byte[0]);
                case "/data.json" -> send(ex, 200, "application/json", "{\"items\": [1, 2, 3]}");
                case "/config.xml" ->
                    send(ex, 200, "application/xml", "<?xml version=\"1.0\"?><config><a>1</a></config>");
                case "/broken.xml" -> send(ex, 200, "application/rss+xml", "<rss><channel><item></channel>");
                case "/huge-section" -> send(ex, 200, "text/html; charset=utf-8", hugeSection());
                case "/too-large" -> send(ex, 200, "text/html", html("", "<p>" + "x".repeat(LIMIT + 1) + "</p>"));
                default -> send(ex, 404, "text/plain", "not found");
            }
        }
    }

    private static String rss() {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Wire</title>"
                + "<item><title>One</title><link>" + base + "/news/one-story</link></item>"
                + "<item><title>Two</title><link>" + base + "/news/two-story</link></item>"
                + "<item><title>Three</title><link>" + base + "/news/three-story</link></item>"
                + "</channel></rss>";
    }

    private static String child(int n) {
        return "<sitemap><loc>" + base + "/sitemap-" + n + ".xml</loc></sitemap>";
    }

    private static String urlset(String... paths) {
        StringBuilder b = new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String p : paths) {
            b.append("<url><loc>").append(base).append(p).append("</loc></url>");
        }
        return b.append("</urlset>").toString();
    }

    private static String html(String head, String body) {
        return "<!DOCTYPE html><html><head><title>The Harbour Ledger</title>" + head + "</head><body>"
                + "<nav><a href=\"/news/about-the-harbour-ledger-team-page\">About us</a></nav>" + body
                + "</body></html>";
    }

    private static String sectionLinks() {
        return "<main><h2><a href=\"/news/harbour-board-approves-the-winter-schedule\">"
                + "Harbour board approves the winter schedule</a></h2>"
                + "<h2><a href=\"/news/pilots-warn-of-shifting-sandbanks-in-the-channel\">"
                + "Pilots warn of shifting sandbanks in the channel</a></h2>"
                + "<h2><a href=\"/news/fish-market-moves-to-the-old-customs-house\">"
                + "Fish market moves to the old customs house</a></h2></main>";
    }

    private static String hugeSection() {
        StringBuilder b = new StringBuilder(LIMIT);
        b.append("<main>");
        for (int i = 0; i < HUGE_LINKS; i++) {
            b.append("<h2><a href=\"/news/2026/11/30/story-number-")
                    .append(i)
                    .append("-about-the-harbour\">Story number ")
                    .append(i)
                    .append(" about the harbour and its winter schedule</a></h2>\n");
        }
        return html("", b.append("</main>").toString());
    }

    private static byte[] png() {
        byte[] b = noise();
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        System.arraycopy(signature, 0, b, 0, signature.length);
        return b;
    }

    private static byte[] noise() {
        byte[] b = new byte[8192];
        new Random(7).nextBytes(b);
        return b;
    }

    private static int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private static List<String> links(List<FeedEntry> entries) {
        return entries.stream().map(FeedEntry::link).toList();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
