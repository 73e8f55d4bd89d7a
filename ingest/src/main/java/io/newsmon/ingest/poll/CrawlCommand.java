package io.newsmon.ingest.poll;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.ingest.dedup.UrlCanonicalizer;
import io.newsmon.ingest.extract.ArticleExtractor;
import io.newsmon.ingest.extract.ExtractedArticle;
import io.newsmon.ingest.feed.Feed;
import io.newsmon.ingest.feed.FeedEntry;
import io.newsmon.ingest.feed.FeedParseException;
import io.newsmon.ingest.feed.FeedParser;
import io.newsmon.ingest.feed.SectionPage;
import io.newsmon.ingest.fetch.FetchException;
import io.newsmon.ingest.fetch.FetchedPage;
import io.newsmon.ingest.fetch.PageFetcher;
import io.newsmon.ingest.politeness.FetchSettings;
import io.newsmon.ingest.politeness.PoliteFetcher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code ./newsmon crawl URL [--max N] [--time-limit SECONDS]}: tries a source before it is added. Fetches a
 * feed (or finds it through a page's {@code <link rel="alternate">}, or reads a section page's article links,
 * or takes a page as one article) and
 * its articles once, politely and through the SSRF guard, touching no database, and prints one JSON
 * object per line: {@code {"url", "status": ok|error|duplicate|skipped, "title", "published",
 * "bodyLength", "error"}}. Exits 0 whenever it ran: per-URL errors are data.
 */
public final class CrawlCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PoliteFetcher fetcher;
    private final PrintStream out;
    private final long deadline;

    CrawlCommand(PoliteFetcher fetcher, PrintStream out, Duration timeLimit) {
        this.fetcher = fetcher;
        this.out = out;
        this.deadline = System.nanoTime() + timeLimit.toNanos();
    }

    /** A crawl with the given fetcher and a two-minute limit, printing to {@code out}. */
    public static CrawlCommand forTests(PoliteFetcher fetcher, PrintStream out) {
        return new CrawlCommand(fetcher, out, Duration.ofSeconds(120));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args[0].startsWith("--")) {
            err.println("usage: crawl URL [--max N] [--time-limit SECONDS]");
            return 2;
        }
        int max = 20;
        Duration limit = Duration.ofSeconds(120);
        try {
            for (int i = 1; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--max" -> max = Integer.parseInt(args[i + 1]);
                    case "--time-limit" -> limit = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("crawl: " + e.getMessage() + "; usage: crawl URL [--max N] [--time-limit SECONDS]");
            return 2;
        }
        FetchSettings settings = FetchSettings.fromEnvironment(System.getenv());
        new CrawlCommand(new PoliteFetcher(new PageFetcher(settings), settings, settings), out, limit)
                .crawl(args[0], max);
        return 0;
    }

    public void crawl(String sourceUrl, int max) {
        FetchedPage page;
        try {
            page = fetcher.fetch(sourceUrl);
        } catch (FetchException e) {
            line(sourceUrl, "error", null, e.getMessage());
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
                    line(discovered.get(), "error", null, "discovered feed unusable: " + e.getMessage());
                    return;
                }
            } else if (looksLikeHtml(page)) {
                Document doc = SectionPage.parse(
                        page.body(), page.declaredCharset(), page.uri().toString());
                Feed section = SectionPage.isOneArticle(doc) ? null : SectionPage.read(doc);
                if (section == null || section.entries().size() < SectionPage.MIN_LINKS) {
                    report(page.uri().toString(), page);
                    return;
                }
                links = links(section);
            } else {
                line(sourceUrl, "error", null, notAFeed.getMessage());
                return;
            }
        }
        Set<String> seen = new HashSet<>();
        int done = 0;
        for (String link : links) {
            if (done >= max) {
                break;
            }
            String canonical = UrlCanonicalizer.canonical(link).orElse(null);
            if (canonical == null) {
                line(link, "error", null, "malformed URL in the feed");
                continue;
            }
            if (!seen.add(canonical)) {
                line(link, "duplicate", null, null);
                continue;
            }
            done++;
            if (System.nanoTime() > deadline) {
                line(canonical, "skipped", null, "time limit reached");
                continue;
            }
            try {
                report(canonical, fetcher.fetch(canonical));
            } catch (FetchException e) {
                boolean robots = e.getMessage().startsWith("disallowed by robots.txt");
                line(canonical, robots ? "skipped" : "error", null, e.getMessage());
            }
        }
    }

    private void report(String url, FetchedPage page) {
        ExtractedArticle a = new ArticleExtractor()
                .extract(page.body(), page.declaredCharset(), page.uri().toString());
        if (!a.hasBody()) {
            line(url, "error", a, a.problem());
        } else {
            line(url, "ok", a, null);
        }
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
        return type.contains("html") || new String(page.body(), 0, Math.min(page.body().length, 512)).contains("<html");
    }

    /** Feed autodiscovery: {@code <link rel="alternate" type="application/rss+xml" href=…>}. */
    static Optional<String> discoverFeed(FetchedPage page) {
        if (!looksLikeHtml(page)) {
            return Optional.empty();
        }
        Document doc = SectionPage.parse(
                page.body(), page.declaredCharset(), page.uri().toString());
        for (Element link : doc.select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (type.contains("rss") || type.contains("atom") || type.contains("feed+json")) {
                return Optional.of(link.absUrl("href"));
            }
        }
        return Optional.empty();
    }

    private void line(String url, String status, ExtractedArticle a, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("status", status);
        m.put("title", a == null ? null : a.title());
        m.put(
                "published",
                a == null || a.published() == null ? null : a.published().toString());
        m.put("bodyLength", a == null || a.body() == null ? 0 : a.body().length());
        m.put("error", error);
        try {
            out.println(JSON.writeValueAsString(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
