package io.newsmon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.domain.dto.TrialLine;
import io.newsmon.extract.ArticleExtractor;
import io.newsmon.sources.fetch.FetchSettings;
import io.newsmon.sources.politeness.PoliteFetcher;
import io.newsmon.sources.trial.TrialCrawl;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./newsmon crawl URL [--max N] [--time-limit SECONDS]}: tries a source before it is added, as the
 * dashboard's <em>Try it</em> does ({@link TrialCrawl}), and prints one JSON object per line: {@code {"url", "status": ok|error|duplicate|skipped, "title", "published",
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
        new CrawlCommand(new PoliteFetcher(settings), out, limit).crawl(args[0], max);
        return 0;
    }

    /** Tries {@code sourceUrl} and at most {@code max} of its articles, printing a JSON line for each. */
    public void crawl(String sourceUrl, int max) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        new TrialCrawl(fetcher, new ArticleExtractor(), left).run(sourceUrl, max, this::print);
    }

    private void print(TrialLine line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", line.url());
        m.put("status", line.status());
        m.put("title", line.title());
        m.put("published", line.published());
        m.put("bodyLength", line.bodyLength());
        m.put("error", line.error());
        try {
            out.println(JSON.writeValueAsString(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
