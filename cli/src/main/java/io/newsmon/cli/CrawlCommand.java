package io.newsmon.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.domain.dto.TrialLine;
import io.newsmon.extract.ArticleExtractor;
import io.newsmon.sources.fetch.FetchSettings;
import io.newsmon.sources.politeness.PoliteFetcher;
import io.newsmon.sources.trial.TrialCrawl;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon crawl URL [--max N] [--time-limit SECONDS]}: tries a source before it is added, as the
 * dashboard's <em>Try it</em> does ({@link TrialCrawl}), and prints one JSON object per line: {@code {"url",
 * "status": ok|error|duplicate|skipped, "title", "published", "bodyLength", "error"}}. Exits 0 whenever it ran:
 * per-URL errors are data.
 */
@Command(
        name = "crawl",
        mixinStandardHelpOptions = true,
        description = {
            "Tries a source before it is added, as the dashboard's Try it does, without the platform: reads URL (a feed,"
                    + " a sitemap, a page that links its feed, a section page or one article) as the poller would, then"
                    + " fetches and extracts up to --max of its articles, politely (robots.txt, 1 s between requests to"
                    + " a host) and through the SSRF guard.",
            "Prints one JSON object per line: {\"url\", \"status\": ok|error|duplicate|skipped, \"title\", \"published\","
                    + " \"bodyLength\", \"error\"}; a source that cannot be read is one error line. Exits 0 whenever it"
                    + " ran: per-URL errors are data.",
            "Private, loopback and link-local addresses are refused unless NEWSMON_FETCH_ALLOWED_PRIVATE_RANGES"
                    + " (comma-separated CIDR ranges, e.g. 127.0.0.0/8) allows them; NEWSMON_FETCH_USER_AGENT replaces"
                    + " the User-Agent."
        })
final class CrawlCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "the source: a feed, a sitemap or a web page (http or https)")
    String url;

    @Option(names = "--max", paramLabel = "N", description = "articles tried at most (default: ${DEFAULT-VALUE})")
    int max = 20;

    @Option(
            names = "--time-limit",
            paramLabel = "SECONDS",
            description = "the whole run at most; articles not reached by then are listed as skipped"
                    + " (default: ${DEFAULT-VALUE})")
    long timeLimit = 120;

    private final Map<String, String> environment;

    CrawlCommand() {
        this(System.getenv());
    }

    /** A crawl that reads its settings from {@code environment} instead of the process's. */
    CrawlCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be at least 1, not " + max);
        }
        if (timeLimit < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--time-limit must be at least 1 second, not " + timeLimit);
        }
        PoliteFetcher fetcher;
        try {
            fetcher = new PoliteFetcher(FetchSettings.fromEnvironment(environment));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "NEWSMON_FETCH_ALLOWED_PRIVATE_RANGES: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        new TrialCrawl(fetcher, new ArticleExtractor(), Duration.ofSeconds(timeLimit))
                .run(url, max, line -> print(out, line));
        return 0;
    }

    private static void print(PrintWriter out, TrialLine line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", line.url());
        m.put("status", line.status());
        m.put("title", line.title());
        m.put("published", line.published());
        m.put("bodyLength", line.bodyLength());
        m.put("error", line.error());
        try {
            out.println(JSON.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
