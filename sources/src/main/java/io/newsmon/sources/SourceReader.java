package io.newsmon.sources;

import io.newsmon.extract.ArticleExtractor;
import io.newsmon.sources.SourceRead.ArticlePage;
import io.newsmon.sources.SourceRead.DiscoveredFeed;
import io.newsmon.sources.SourceRead.FeedDocument;
import io.newsmon.sources.SourceRead.NotModified;
import io.newsmon.sources.SourceRead.SectionLinks;
import io.newsmon.sources.SourceRead.Unusable;
import io.newsmon.sources.feed.Feed;
import io.newsmon.sources.feed.FeedEntry;
import io.newsmon.sources.feed.FeedParseException;
import io.newsmon.sources.feed.FeedParser;
import io.newsmon.sources.feed.SectionPage;
import io.newsmon.sources.fetch.FetchException;
import io.newsmon.sources.fetch.FetchedPage;
import io.newsmon.sources.politeness.PoliteFetcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a source's URL, the one way the poller and a trial ({@code crawl}, the dashboard's <em>Try it</em>) do:
 *
 * <ol>
 *   <li>a feed (RSS, Atom, JSON Feed) or a sitemap is read as such, a sitemap index with its first {@link
 *       #MAX_CHILD_SITEMAPS} child sitemaps ({@link FeedDocument});
 *   <li>an HTML page that names its feed ({@code <link rel="alternate">} of an RSS, Atom or JSON Feed type) is read
 *       through that feed ({@link DiscoveredFeed});
 *   <li>an HTML page that says it is an article ({@code og:type} article) is one article ({@link ArticlePage});
 *   <li>any other HTML page is read for its article links when it has at least {@link SectionPage#MIN_LINKS}
 *       ({@link SectionLinks}), else it is one article page too;
 *   <li>anything else (a failed fetch, an empty or binary body, other XML or JSON) is {@link Unusable}, with a
 *       reason that names the problem.
 * </ol>
 *
 * Every request goes through the polite fetcher (robots.txt, host spacing, the SSRF guard, limits). Never throws for
 * what a site serves: every failure is an outcome.
 */
public final class SourceReader {

    /** Child sitemaps of a sitemap index read at most; news sites list the newest first. */
    public static final int MAX_CHILD_SITEMAPS = 3;

    private final PoliteFetcher fetcher;
    private final FeedParser parser = new FeedParser();

    public SourceReader(PoliteFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Fetches and reads {@code url}. */
    public SourceRead read(String url) {
        return read(url, Map.of());
    }

    /**
     * Fetches {@code url} with extra request headers (If-None-Match and If-Modified-Since for a conditional
     * request, which may end as {@link NotModified}) and reads it.
     */
    public SourceRead read(String url, Map<String, String> headers) {
        FetchedPage page;
        try {
            page = fetcher.fetch(url, headers);
        } catch (FetchException e) {
            return new Unusable(url, e.getMessage(), e.retryAfter());
        }
        if (page.notModified()) {
            return new NotModified(page);
        }
        return read(page);
    }

    /** Reads a response already fetched; a feed link or child sitemaps it names are fetched. */
    public SourceRead read(FetchedPage page) {
        String url = page.uri().toString();
        byte[] body = page.body();
        if (body == null || body.length == 0) {
            return new Unusable(url, "not a feed: the response body is empty", null);
        }
        if (ArticleExtractor.looksBinary(body)) {
            return new Unusable(
                    url,
                    "not a feed or a web page: the URL serves binary content"
                            + (page.contentType() == null ? "" : " (" + page.contentType() + ")"),
                    null);
        }
        FeedParseException notAFeed;
        try {
            Feed feed = parser.parse(body);
            List<String> warnings = new ArrayList<>();
            return new FeedDocument(page, withChildren(feed, warnings), List.copyOf(warnings));
        } catch (FeedParseException e) {
            notAFeed = e;
        }
        if (!looksLikeHtml(page)) {
            return new Unusable(url, notAFeed.getMessage(), null);
        }
        return readHtml(page);
    }

    private SourceRead readHtml(FetchedPage page) {
        Document doc = SectionPage.parse(
                page.body(), page.declaredCharset(), page.uri().toString());
        Optional<String> feedUrl = feedLink(doc);
        if (feedUrl.isPresent()) {
            return readDiscovered(page, feedUrl.get());
        }
        if (SectionPage.declaresArticle(doc)) {
            return new ArticlePage(
                    page,
                    "not a feed: the URL serves one article (its og:type is article), not a feed or a section page");
        }
        Feed section = SectionPage.read(doc);
        if (section.entries().size() >= SectionPage.MIN_LINKS) {
            return new SectionLinks(page, section);
        }
        return new ArticlePage(
                page,
                "not a feed: the URL serves an HTML page with no feed link (<link rel=\"alternate\">) and too few"
                        + " article links (" + section.entries().size() + ") to be read as a section page");
    }

    private SourceRead readDiscovered(FetchedPage page, String feedUrl) {
        String problem = "the feed the page links to (<link rel=\"alternate\">) is unusable: ";
        FetchedPage feedPage;
        try {
            feedPage = fetcher.fetch(feedUrl);
        } catch (FetchException e) {
            return new Unusable(feedUrl, problem + e.getMessage(), e.retryAfter());
        }
        try {
            List<String> warnings = new ArrayList<>();
            Feed feed = withChildren(parser.parse(feedPage.body()), warnings);
            return new DiscoveredFeed(page, feedPage.uri().toString(), feed, List.copyOf(warnings));
        } catch (FeedParseException e) {
            return new Unusable(feedUrl, problem + e.getMessage(), null);
        }
    }

    /** A sitemap index lists sitemaps: the entries of the first few are read, a child that fails is a warning. */
    private Feed withChildren(Feed feed, List<String> warnings) {
        if (feed.children().isEmpty()) {
            return feed;
        }
        List<FeedEntry> entries = new ArrayList<>(feed.entries());
        for (String child : feed.children().stream().limit(MAX_CHILD_SITEMAPS).toList()) {
            try {
                entries.addAll(parser.parse(fetcher.fetch(child).body()).entries());
            } catch (FetchException | FeedParseException e) {
                warnings.add("child sitemap " + child + " skipped: " + e.getMessage());
            }
        }
        return new Feed(feed.format(), feed.title(), feed.link(), entries);
    }

    /** Feed autodiscovery: the first {@code <link rel="alternate">} of an RSS, Atom or JSON Feed type. */
    static Optional<String> feedLink(Document page) {
        for (Element link : page.select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            String href = link.absUrl("href");
            if ((type.contains("rss") || type.contains("atom") || type.contains("feed+json"))
                    && (href.startsWith("http://") || href.startsWith("https://"))) {
                return Optional.of(href);
            }
        }
        return Optional.empty();
    }

    /** An HTML page by its declared type, or by an {@code <html} or doctype near its start. */
    static boolean looksLikeHtml(FetchedPage page) {
        String type = page.contentType() == null ? "" : page.contentType().toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return true;
        }
        byte[] body = page.body();
        String head =
                new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html");
    }
}
