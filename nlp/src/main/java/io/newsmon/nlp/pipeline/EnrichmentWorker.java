package io.newsmon.nlp.pipeline;

import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.LeaseLostException;
import io.newsmon.domain.pipeline.PipelineState;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Claims EXTRACTED articles and enriches them. Today enrichment is language detection only; named
 * entities, places, keyphrases, categories, tone and stories are the enrichment issue's work.
 */
@ApplicationScoped
public class EnrichmentWorker {

    private static final Logger LOG = Logger.getLogger(EnrichmentWorker.class);

    private final String owner = "nlp@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final ArticleQueue queue;
    private final EnrichmentStore store;
    private final EnrichConfig config;

    public EnrichmentWorker(ArticleQueue queue, EnrichmentStore store, EnrichConfig config) {
        this.queue = queue;
        this.store = store;
        this.config = config;
    }

    @Scheduled(
            every = "${newsmon.schedule.enrich-every:2s}",
            delayed = "${newsmon.schedule.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void enrichClaimedArticles() throws SQLException {
        List<Long> ids;
        do {
            ids = queue.claim(PipelineState.EXTRACTED, owner, config.batch(), config.lease(), config.maxAttempts());
            for (Long id : ids) {
                try {
                    store.enrich(id, owner);
                } catch (LeaseLostException e) {
                    LOG.warnf("article %d: %s; the new owner redoes it", id, e.getMessage());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "enriching article %d failed", id);
                    store.failed(
                            id, owner, "enrichment failed (" + e.getClass().getSimpleName() + "); see the nlp log");
                }
            }
        } while (!ids.isEmpty());
    }
}
