package io.newsmon.ingest.pipeline;

import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.LeaseLostException;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.ingest.politeness.PoliteFetcher;
import io.newsmon.ingest.poll.IngestConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Claims DISCOVERED articles, fetches each page and extracts the article, then stores it as
 * EXTRACTED. A page that keeps failing is parked as FAILED with the reason, after
 * {@code newsmon.ingest.max-attempts} tries.
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
        this.round = new FetchRound(fetcher, workers);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
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
                        store.failed(id, owner, outcome.error());
                    }
                } catch (LeaseLostException e) {
                    LOG.warnf(
                            "article %d: %s before its extraction was stored; the new owner redoes it",
                            id, e.getMessage());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "storing article %d failed", id);
                    store.failed(
                            id, owner, "internal error (" + e.getClass().getSimpleName() + "); see the ingest log");
                }
            }
        } while (!ids.isEmpty());
    }
}
