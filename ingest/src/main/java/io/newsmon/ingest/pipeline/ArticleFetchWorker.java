package io.newsmon.ingest.pipeline;

import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.LeaseLostException;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.ingest.poll.IngestConfig;
import io.newsmon.sources.politeness.PoliteFetcher;
import io.newsmon.sources.round.FetchRound;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Claims DISCOVERED articles, fetches each page and extracts the article, then stores it as
 * EXTRACTED. A page that fails permanently (gone, too large, not HTML, no article on it) is parked as
 * FAILED with the reason at once; one that fails transiently (a timeout, a refused connection, HTTP
 * 429 or 5xx) is tried again on {@code newsmon.ingest.retry-schedule} and parked after its last retry.
 */
@ApplicationScoped
public class ArticleFetchWorker {

    private static final Logger LOG = Logger.getLogger(ArticleFetchWorker.class);

    private final String owner =
            "ingest@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
                    + UUID.randomUUID().toString().substring(0, 8);
    private final ArticleQueue queue;
    private final ExtractionStore store;
    private final IngestConfig config;

    private final ExecutorService workers;
    private final FetchRound round;
    /** When the round in progress started (System.nanoTime), or 0 between rounds. */
    private final AtomicLong roundStarted = new AtomicLong();

    public ArticleFetchWorker(ArticleQueue queue, PoliteFetcher fetcher, ExtractionStore store, IngestConfig config) {
        this.queue = queue;
        this.store = store;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.fetchThreads()), r -> {
            Thread t = new Thread(r, "article-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.round = new FetchRound(fetcher, workers, config.extractBudget(), config.roundLimit());
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** How long the fetch round in progress has been running, or null when none is. */
    public Duration currentRoundAge() {
        long started = roundStarted.get();
        return started == 0 ? null : Duration.ofNanos(System.nanoTime() - started);
    }

    @Scheduled(
            every = "${newsmon.schedule.fetch-every:2s}",
            delayed = "${newsmon.schedule.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fetchClaimedPages() throws SQLException {
        List<Long> ids;
        do {
            ids = queue.claimAcrossSources(
                    PipelineState.DISCOVERED, owner, config.fetchBatch(), config.lease(), config.maxAttempts());
            if (ids.isEmpty()) {
                return;
            }
            roundStarted.set(System.nanoTime());
            try {
                runRound(ids);
            } finally {
                roundStarted.set(0);
            }
        } while (!ids.isEmpty());
    }

    private void runRound(List<Long> ids) {
        List<String> urls = ids.stream().map(store::urlOf).toList();
        List<FetchRound.Outcome> outcomes;
        try {
            outcomes = round.run(urls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // stored one by one in discovery order, so that of two copies of a story the one discovered
        // first stays the original
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            FetchRound.Outcome outcome = outcomes.get(i);
            try {
                if (outcome.ok()) {
                    store.extracted(id, owner, outcome.article());
                } else {
                    store.failed(id, owner, outcome.error(), outcome.transientFailure(), outcome.retryAfter());
                }
            } catch (LeaseLostException e) {
                LOG.warnf(
                        "article %d: %s before its extraction was stored; the new owner redoes it", id, e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "storing article %d failed", id);
                recordStoreFailure(id, e);
            }
        }
    }

    /** A database that failed mid-round is a transient failure of the page; if even that cannot be stored,
     * the lease runs out and the page is claimed again. */
    private void recordStoreFailure(long id, RuntimeException e) {
        try {
            store.failed(
                    id,
                    owner,
                    "storing the extraction failed (" + e.getClass().getSimpleName() + "); see the ingest log",
                    true,
                    null);
        } catch (RuntimeException again) {
            LOG.warnf(
                    "article %d: its failure could not be recorded either (%s); it is retried after its lease",
                    id, again.getMessage());
        }
    }
}
