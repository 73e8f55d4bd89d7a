package io.newsmon.ingest.pipeline;

import io.newsmon.ingest.extract.ArticleExtractor;
import io.newsmon.ingest.extract.ExtractedArticle;
import io.newsmon.ingest.fetch.FetchException;
import io.newsmon.ingest.fetch.FetchedPage;
import io.newsmon.ingest.politeness.PoliteFetcher;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches and extracts a batch of pages: one task per host, so a thread waits out a host's politeness
 * delay only for that host's own pages while other threads serve other hosts. Never throws for a page:
 * each gets an {@link Outcome}, in the order the URLs were given.
 */
public final class FetchRound {

    // JUL, not JBoss logging: this class also runs in command-line tools outside Quarkus
    private static final Logger LOG = Logger.getLogger(FetchRound.class.getName());

    /** The extraction of one page, or why there is none. */
    public record Outcome(ExtractedArticle article, String error) {
        public boolean ok() {
            return article != null;
        }
    }

    private final PoliteFetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ExecutorService pool;

    public FetchRound(PoliteFetcher fetcher, ExecutorService pool) {
        this.fetcher = fetcher;
        this.pool = pool;
    }

    public List<Outcome> run(List<String> urls) throws InterruptedException {
        Map<String, List<Integer>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            byHost.computeIfAbsent(hostOf(urls.get(i), i), h -> new ArrayList<>())
                    .add(i);
        }
        Outcome[] outcomes = new Outcome[urls.size()];
        List<Future<?>> tasks = new ArrayList<>();
        for (List<Integer> pages : byHost.values()) {
            tasks.add(pool.submit(() -> {
                for (int i : pages) {
                    outcomes[i] = fetchAndExtract(urls.get(i));
                }
            }));
        }
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                LOG.log(Level.SEVERE, "a fetch task failed outside its own error handling", e.getCause());
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = new Outcome(null, "internal error: the fetch task died; see the ingest log");
            }
        }
        return Arrays.asList(outcomes);
    }

    private Outcome fetchAndExtract(String url) {
        try {
            FetchedPage page = fetcher.fetch(url);
            ExtractedArticle extracted = extractor.extract(
                    page.body(), page.declaredCharset(), page.uri().toString());
            if (!extracted.hasBody()) {
                String problem = extracted.problem();
                return new Outcome(null, problem == null ? "no article text found on the page" : problem);
            }
            return new Outcome(extracted, null);
        } catch (FetchException e) {
            return new Outcome(null, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "extracting " + url + " failed", e);
            return new Outcome(null, "internal error (" + e.getClass().getSimpleName() + "); see the ingest log");
        }
    }

    private static String hostOf(String url, int index) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "#" + index : host.toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            return "#" + index; // a malformed URL fails on its own
        }
    }
}
