package io.newsmon.api.search;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The search index's own health on /q/metrics: whether its writer works ({@code newsmon_search_index_writer_up}),
 * how often it failed, the articles it skipped (recorded now, and skipped by this replica since start) and what
 * the reconcile passes repaired and removed.
 */
@Startup
@ApplicationScoped
public class SearchMetrics {

    SearchMetrics(SearchIndex index, MeterRegistry registry) {
        Gauge.builder("newsmon.search.index.writer.up", index, i -> i.failure() == null ? 1 : 0)
                .description("1 while the search index writer works, 0 after it failed and until it has reopened")
                .register(registry);
        FunctionCounter.builder("newsmon.search.index.writer.failures", index, SearchIndex::writerFailures)
                .description("Times the search index writer failed (a full disk, an I/O error)")
                .register(registry);
        Gauge.builder("newsmon.search.index.skipped", index, SearchIndex::skippedRows)
                .description("Articles recorded as skipped: the index could not take them (GET /api/search/skipped)")
                .register(registry);
        FunctionCounter.builder("newsmon.search.index.skips", index, SearchIndex::skippedTotal)
                .description("Documents this replica skipped because the mapping or Lucene refused them")
                .register(registry);
        FunctionCounter.builder("newsmon.search.index.repaired", index, SearchIndex::repairedTotal)
                .description("Articles the reconcile pass found missing from the index and indexed")
                .register(registry);
        FunctionCounter.builder("newsmon.search.index.removed", index, SearchIndex::removedTotal)
                .description("Documents the reconcile pass removed: their article is no longer enriched or gone")
                .register(registry);
    }
}
