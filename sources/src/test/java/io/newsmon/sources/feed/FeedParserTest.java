package io.newsmon.sources.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsRss2ItemsWithLinksDatesAndAuthors() throws Exception {
        Feed feed = parser.parse(fixture("rss2.xml"));
        assertThat(feed.format()).isEqualTo("rss");
        assertThat(feed.title()).isEqualTo("Example Wire");
        assertThat(feed.link()).isEqualTo("https://wire.example/");
        assertThat(feed.entries()).hasSize(3);
        FeedEntry first = feed.entries().get(0);
        assertThat(first.link()).isEqualTo("https://wire.example/2026/11/port-strike-ends");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-27T08:30:00Z"));
        assertThat(first.author()).isEqualTo("Ana Ruiz");
        assertThat(first.summary()).contains("Dock workers return");
        assertThat(feed.entries().get(1).link()).isEqualTo("https://wire.example/2026/11/guid-only");
        assertThat(feed.entries().get(1).published()).isEqualTo(Instant.parse("2026-11-26T16:05:00Z"));
        assertThat(feed.entries().get(2).published())
                .as("an unreadable date costs the date, not the item")
                .isNull();
    }

    @Test
    void readsAtomEntriesPreferringTheAlternateLink() throws Exception {
        Feed feed = parser.parse(fixture("atom.xml"));
        assertThat(feed.format()).isEqualTo("atom");
        assertThat(feed.link()).isEqualTo("https://atom.example/");
        FeedEntry entry = feed.entries().get(0);
        assertThat(entry.link()).isEqualTo("https://atom.example/rates-held");
        assertThat(entry.published()).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
        assertThat(entry.author()).isEqualTo("Jon Berg");
    }

    @Test
    void readsRss1Rdf() throws Exception {
        Feed feed = parser.parse(fixture("rdf.xml"));
        assertThat(feed.entries()).extracting(FeedEntry::link).containsExactly("https://rdf.example/a1");
        assertThat(feed.entries().get(0).published()).isEqualTo(Instant.parse("2026-11-20T06:00:00Z"));
    }

    @Test
    void refusesAnHtmlPageWithAMessageSayingSo() {
        byte[] html = "<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(html))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("HTML page");
    }

    @Test
    void refusesEmptyJsonAndBrokenXmlClearly() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a JSON Feed");
        assertThatThrownBy(() -> parser.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> parser.parse("<rss><channel><item>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("malformed feed XML");
        assertThatThrownBy(() ->
                        parser.parse("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("<svg>");
    }

    @Test
    void readsNewsSitemapsAndSitemapIndexes() throws Exception {
        Feed news = parser.parse(fixture("news-sitemap.xml"));
        assertThat(news.format()).isEqualTo("sitemap");
        assertThat(news.entries()).hasSize(2);
        assertThat(news.entries().get(0).link()).isEqualTo("https://paper.example/2026/11/29/budget-vote");
        assertThat(news.entries().get(0).title()).isEqualTo("Budget passes after night session");
        assertThat(news.entries().get(0).published()).isEqualTo(Instant.parse("2026-11-29T22:10:00Z"));
        assertThat(news.entries().get(1).published()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));

        Feed index = parser.parse(fixture("sitemap-index.xml"));
        assertThat(index.entries()).isEmpty();
        assertThat(index.children())
                .containsExactly(
                        "https://paper.example/sitemaps/news-2026-11-30.xml",
                        "https://paper.example/sitemaps/news-2026-11-29.xml");
    }

    @Test
    void readsJsonFeed() throws Exception {
        Feed feed = parser.parse(fixture("feed.json"));
        assertThat(feed.format()).isEqualTo("jsonfeed");
        assertThat(feed.title()).isEqualTo("Lantern Daily");
        assertThat(feed.entries()).hasSize(2);
        FeedEntry first = feed.entries().get(0);
        assertThat(first.link()).isEqualTo("https://lantern.example/a/1");
        assertThat(first.author()).isEqualTo("Ola Brandt");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
        assertThat(feed.entries().get(1).link()).isEqualTo("https://elsewhere.example/b");
    }

    @Test
    void neverResolvesExternalEntities() throws Exception {
        try {
            Feed feed = parser.parse(fixture("xxe.xml"));
            assertThat(feed.title()).doesNotContain(hostname());
        } catch (FeedParseException refused) {
            assertThat(refused).hasMessageContaining("malformed feed XML");
        }
    }

    private static String hostname() throws IOException {
        return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/etc/hostname"))).strip();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        }
    }
}
