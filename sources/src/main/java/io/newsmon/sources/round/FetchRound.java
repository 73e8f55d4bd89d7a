package io.newsmon.sources.round;

import io.newsmon.extract.ArticleExtractor;
import io.newsmon.extract.ExtractedArticle;
import io.newsmon.sources.fetch.FetchException;
import io.newsmon.sources.fetch.FetchedPage;
import io.newsmon.sources.politeness.PoliteFetcher;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches and extracts a batch of pages: one task per host, so a thread waits out a host's politeness
 * delay only for that host's own pages while other threads serve other hosts. Never throws for a page:
 * each gets an {@link Outcome}, in the order the URLs were given. Never waits without a limit: each
 * page's extraction has its budget, and the round as a whole its time limit, after which the pages not
 * done end as transient errors (tried again later) and their tasks are cancelled.
 */
public final class FetchRound {

    // JUL, not JBoss logging: this class also runs in command-line tools outside Quarkus
    private static final Logger LOG = Logger.getLogger(FetchRound.class.getName());

    /** A round that sets no limit of its own; the lease of the pipeline's claims is longer. */
    public static final Duration DEFAULT_ROUND_LIMIT = Duration.ofMinutes(4);

    /**
     * The extraction of one page, or why there is none: {@code transientFailure} when trying again later
     * may succeed, with the wait the server asked for ({@code retryAfter}, or null).
     */
    public record Outcome(ExtractedArticle article, String error, boolean transientFailure, Duration retryAfter) {
        public Outcome(ExtractedArticle article, String error) {
            this(article, error, false, null);
        }

        public boolean ok() {
            return article != null;
        }
    }

    private final PoliteFetcher fetcher;
    private final ArticleExtractor extractor;
    private final ExecutorService pool;
    private final Duration roundLimit;

    public FetchRound(PoliteFetcher fetcher, ExecutorService pool) {
        this(fetcher, pool, ArticleExtractor.DEFAULT_BUDGET, DEFAULT_ROUND_LIMIT);
    }

    /**
     * @param extractBudget the time one page's extraction may take
     * @param roundLimit the time a whole round may take; pages not done by then are left for a retry
     */
    public FetchRound(PoliteFetcher fetcher, ExecutorService pool, Duration extractBudget, Duration roundLimit) {
        this.fetcher = fetcher;
        this.pool = pool;
        this.extractor = new ArticleExtractor(extractBudget);
        this.roundLimit = roundLimit;
    }

    public List<Outcome> run(List<String> urls) throws InterruptedException {
        long deadline = System.nanoTime() + roundLimit.toNanos();
        Map<String, List<Integer>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            byHost.computeIfAbsent(hostOf(urls.get(i), i), h -> new ArrayList<>())
                    .add(i);
        }
        AtomicReferenceArray<Outcome> outcomes = new AtomicReferenceArray<>(urls.size());
        List<Future<?>> tasks = new ArrayList<>();
        for (List<Integer> pages : byHost.values()) {
            tasks.add(pool.submit(() -> {
                for (int i : pages) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // the round gave up on this host
                    }
                    outcomes.set(i, fetchAndExtract(urls.get(i)));
                }
            }));
        }
        boolean late = false;
        for (Future<?> task : tasks) {
            try {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    late = true;
                    break;
                }
                task.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                late = true;
                break;
            } catch (CancellationException e) {
                // cancelled by a pool shutting down: its pages are marked below
            } catch (ExecutionException e) {
                LOG.log(Level.SEVERE, "a fetch task failed outside its own error handling", e.getCause());
            } catch (InterruptedException e) {
                tasks.forEach(t -> t.cancel(true));
                throw e;
            }
        }
        String missing = late
                ? "not fetched: the fetch round ran past its " + roundLimit.toSeconds()
                        + " s limit (newsmon.ingest.round-limit) before this page was done"
                : "internal error: the fetch task died; see the ingest log";
        // what is done now counts; a cancelled task that still writes an outcome is not read
        List<Outcome> result = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            Outcome o = outcomes.get(i);
            result.add(o != null ? o : new Outcome(null, missing, true, null));
        }
        if (late) {
            tasks.forEach(t -> t.cancel(true));
            LOG.warning("a fetch round ran past its " + roundLimit.toSeconds()
                    + " s limit; its unfinished pages are retried later");
        }
        return result;
    }

    private Outcome fetchAndExtract(String url) {
        try {
            FetchedPage page = fetcher.fetch(url);
            ExtractedArticle extracted = extractor.extract(
                    page.body(), page.declaredCharset(), page.uri().toString());
            if (!extracted.hasBody()) {
                String problem = extracted.problem();
                return new Outcome(null, problem == null ? ArticleExtractor.NO_TEXT : problem);
            }
            return new Outcome(extracted, null);
        } catch (FetchException e) {
            return new Outcome(null, e.getMessage(), e.isTransient(), e.retryAfter());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "extracting " + url + " failed", e);
            return new Outcome(
                    null, "internal error (" + e.getClass().getSimpleName() + "); see the ingest log", true, null);
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
