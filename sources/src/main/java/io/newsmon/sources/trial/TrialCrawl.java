package io.newsmon.sources.trial;

import io.newsmon.domain.dto.TrialLine;
import io.newsmon.extract.ArticleExtractor;
import io.newsmon.extract.ExtractedArticle;
import io.newsmon.sources.SourceRead;
import io.newsmon.sources.SourceReader;
import io.newsmon.sources.feed.Feed;
import io.newsmon.sources.feed.FeedEntry;
import io.newsmon.sources.fetch.FetchException;
import io.newsmon.sources.fetch.FetchedPage;
import io.newsmon.sources.politeness.PoliteFetcher;
import io.newsmon.sources.url.UrlCanonicalizer;
import io.newsmon.sources.url.UrlPatterns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Tries a source once, touching no database: reads it as the poller does ({@link SourceReader}: a feed or
 * sitemap, a feed found through a page's {@code <link rel="alternate">}, a section page's article links, or a
 * page taken as one article) and fetches up to
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
    private final SourceReader reader;
    private final ArticleExtractor extractor;
    private final Duration timeLimit;

    public TrialCrawl(PoliteFetcher fetcher, ArticleExtractor extractor, Duration timeLimit) {
        this.fetcher = fetcher;
        this.reader = new SourceReader(fetcher);
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
        SourceRead read = reader.read(sourceUrl);
        if (read instanceof SourceRead.Unusable unusable) {
            out.accept(line(unusable.url(), "error", null, unusable.reason()));
            return;
        }
        if (read instanceof SourceRead.ArticlePage article) {
            out.accept(extracted(article.url(), article.page()));
            return;
        }
        if (!(read instanceof SourceRead.Listing listing)) {
            // no validators were sent, so no server should answer 304
            out.accept(line(sourceUrl, "error", null, "HTTP 304 (not modified) to a request that was not conditional"));
            return;
        }
        for (String warning : listing.warnings()) {
            out.accept(line(listing.url(), "skipped", null, warning));
        }
        List<String> links = links(listing.feed());
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
