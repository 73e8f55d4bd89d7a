package io.newsmon.sources.trial;

import io.newsmon.domain.dto.TrialLine;
import io.newsmon.extract.ArticleExtractor;
import io.newsmon.extract.ExtractedArticle;
import io.newsmon.sources.feed.Feed;
import io.newsmon.sources.feed.FeedEntry;
import io.newsmon.sources.feed.FeedParseException;
import io.newsmon.sources.feed.FeedParser;
import io.newsmon.sources.feed.SectionPage;
import io.newsmon.sources.fetch.FetchException;
import io.newsmon.sources.fetch.FetchedPage;
import io.newsmon.sources.politeness.PoliteFetcher;
import io.newsmon.sources.url.UrlCanonicalizer;
import io.newsmon.sources.url.UrlPatterns;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Tries a source once, touching no database: fetches a feed (or finds it through a page's {@code <link
 * rel="alternate">}, or reads a section page's article links, or takes a page as one article) and up to
 * {@code max} of its articles, politely and through the SSRF guard, and hands one {@link TrialLine} per URL
 * to the caller as soon as it is known. Per-URL failures are lines, never exceptions. Used by {@code
 * ./newsmon crawl} and by the dashboard's <em>Try it</em> (through ingest's {@code SourceTrialWorker}).
 */
public final class TrialCrawl {

    /**
     * Lines about entries that are not tried (duplicates, malformed links, left out by the patterns) listed at
     * most: a feed of 100,000 copies of one link gives this many lines and one that counts the rest.
     */
    static final int MAX_OTHER_LINES = 25;

    private final PoliteFetcher fetcher;
    private final ArticleExtractor extractor;
    private final Duration timeLimit;

    public TrialCrawl(PoliteFetcher fetcher, ArticleExtractor extractor, Duration timeLimit) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.timeLimit = timeLimit;
    }

    /** Tries {@code sourceUrl} and at most {@code max} of its articles, giving each result to {@code out}. */
    public void run(String sourceUrl, int max, Consumer<TrialLine> out) {
        run(sourceUrl, max, UrlPatterns.of(null, null), out);
    }

    /**
     * As {@link #run(String, int, Consumer)}, trying only the articles {@code patterns} keep (the others are
     * listed as skipped), as the source's polls would.
     */
    public void run(String sourceUrl, int max, UrlPatterns patterns, Consumer<TrialLine> out) {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        FetchedPage page;
        try {
            page = fetcher.fetch(sourceUrl);
        } catch (FetchException e) {
            out.accept(line(sourceUrl, "error", null, e.getMessage()));
            return;
        }
        List<String> links;
        try {
            links = links(new FeedParser().parse(page.body()));
        } catch (FeedParseException notAFeed) {
            Optional<String> discovered = discoverFeed(page);
            if (discovered.isPresent()) {
                try {
                    links = links(new FeedParser()
                            .parse(fetcher.fetch(discovered.get()).body()));
                } catch (FetchException | FeedParseException e) {
                    out.accept(line(discovered.get(), "error", null, "discovered feed unusable: " + e.getMessage()));
                    return;
                }
            } else if (looksLikeHtml(page)) {
                Document doc = SectionPage.parse(
                        page.body(), page.declaredCharset(), page.uri().toString());
                Feed section = SectionPage.isOneArticle(doc) ? null : SectionPage.read(doc);
                if (section == null || section.entries().size() < SectionPage.MIN_LINKS) {
                    out.accept(extracted(page.uri().toString(), page));
                    return;
                }
                links = links(section);
            } else {
                out.accept(line(sourceUrl, "error", null, notAFeed.getMessage()));
                return;
            }
        }
        Set<String> seen = new HashSet<>();
        int done = 0;
        int others = 0;
        for (String link : links) {
            if (done >= max) {
                break;
            }
            String canonical = UrlCanonicalizer.canonical(link).orElse(null);
            TrialLine notTried = null;
            if (canonical == null) {
                notTried = line(link, "error", null, "malformed URL in the feed");
            } else if (!seen.add(canonical)) {
                notTried = line(link, "duplicate", null, null);
            } else if (!patterns.keeps(canonical)) {
                notTried = line(canonical, "skipped", null, "left out by the include or exclude pattern");
            }
            if (notTried != null) {
                if (++others <= MAX_OTHER_LINES) {
                    out.accept(notTried);
                }
                continue;
            }
            done++;
            if (System.nanoTime() > deadline) {
                out.accept(line(canonical, "skipped", null, "time limit reached"));
                continue;
            }
            try {
                out.accept(extracted(canonical, fetcher.fetch(canonical)));
            } catch (FetchException e) {
                boolean robots = e.getMessage().startsWith("disallowed by robots.txt");
                out.accept(line(canonical, robots ? "skipped" : "error", null, e.getMessage()));
            }
        }
        if (others > MAX_OTHER_LINES) {
            out.accept(line(
                    sourceUrl,
                    "skipped",
                    null,
                    (others - MAX_OTHER_LINES) + " more duplicate, malformed or left-out entries not listed"));
        }
    }

    private TrialLine extracted(String url, FetchedPage page) {
        ExtractedArticle a = extractor.extract(
                page.body(), page.declaredCharset(), page.uri().toString());
        return a.hasBody() ? line(url, "ok", a, null) : line(url, "error", a, a.problem());
    }

    private static List<String> links(Feed feed) {
        List<String> links = new ArrayList<>();
        for (FeedEntry e : feed.entries()) {
            if (e.link() != null) {
                links.add(e.link());
            }
        }
        return links;
    }

    private static boolean looksLikeHtml(FetchedPage page) {
        String type = page.contentType() == null ? "" : page.contentType();
        return type.contains("html")
                || new String(page.body(), 0, Math.min(page.body().length, 512), StandardCharsets.ISO_8859_1)
                        .contains("<html");
    }

    /** Feed autodiscovery: {@code <link rel="alternate" type="application/rss+xml" href=…>}. */
    static Optional<String> discoverFeed(FetchedPage page) {
        if (!looksLikeHtml(page)) {
            return Optional.empty();
        }
        Document doc = SectionPage.parse(
                page.body(), page.declaredCharset(), page.uri().toString());
        for (Element link : doc.select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (type.contains("rss") || type.contains("atom") || type.contains("feed+json")) {
                return Optional.of(link.absUrl("href"));
            }
        }
        return Optional.empty();
    }

    private static TrialLine line(String url, String status, ExtractedArticle a, String error) {
        return new TrialLine(
                url,
                status,
                a == null ? null : a.title(),
                a == null || a.published() == null ? null : a.published().toString(),
                a == null || a.body() == null ? 0 : a.body().length(),
                error);
    }
}
