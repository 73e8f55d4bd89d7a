package io.newsmon.nlp.pipeline;

import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.LeaseLostException;
import io.newsmon.domain.pipeline.LeaseRenewal;
import io.newsmon.domain.pipeline.PipelineState;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * Claims EXTRACTED articles and enriches them, keeping the batch's leases renewed (by the database's
 * clock) while it works, so that a slow batch is not taken over by another replica halfway.
 */
@ApplicationScoped
public class EnrichmentWorker {

    private static final Logger LOG = Logger.getLogger(EnrichmentWorker.class);

    private final String owner = "nlp@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final ArticleQueue queue;
    private final EnrichmentStore store;
    private final EnrichConfig config;
    /** Renews the leases of the batch in progress: a batch may take longer than one lease. */
    private final ScheduledExecutorService leaseTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nlp-lease-renewal");
        t.setDaemon(true);
        return t;
    });

    public EnrichmentWorker(ArticleQueue queue, EnrichmentStore store, EnrichConfig config) {
        this.queue = queue;
        this.store = store;
        this.config = config;
    }

    @PreDestroy
    void stop() {
        leaseTimer.shutdownNow();
    }

    @Scheduled(
            every = "${newsmon.schedule.enrich-every:2s}",
            delayed = "${newsmon.schedule.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void enrichClaimedArticles() throws SQLException {
        List<Long> ids;
        do {
            ids = queue.claim(PipelineState.EXTRACTED, owner, config.batch(), config.lease(), config.maxAttempts());
            try (LeaseRenewal renewal =
                    LeaseRenewal.start(queue, leaseTimer, ids, owner, PipelineState.EXTRACTED, config.lease())) {
                for (Long id : ids) {
                    enrich(id);
                    renewal.done(id);
                }
            }
        } while (!ids.isEmpty());
    }

    private void enrich(long id) {
        try {
            store.enrich(id, owner);
        } catch (LeaseLostException e) {
            LOG.warnf("article %d: %s; the new owner redoes it", id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "enriching article %d failed", id);
            try {
                store.failed(id, owner, "enrichment failed (" + e.getClass().getSimpleName() + "); see the nlp log");
            } catch (RuntimeException again) {
                // the database is away: the lease runs out and the article is claimed again
                LOG.warnf("article %d: its failure could not be recorded either (%s)", id, again.getMessage());
            }
        }
    }
}
