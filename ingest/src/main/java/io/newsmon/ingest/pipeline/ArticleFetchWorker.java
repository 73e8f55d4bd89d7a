package io.newsmon.ingest.pipeline;

import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.LeaseLostException;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.ingest.extract.ArticleExtractor;
import io.newsmon.ingest.extract.ExtractedArticle;
import io.newsmon.ingest.fetch.FetchException;
import io.newsmon.ingest.fetch.FetchedPage;
import io.newsmon.ingest.politeness.PoliteFetcher;
import io.newsmon.ingest.poll.IngestConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final PoliteFetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ExtractionStore store;
    private final IngestConfig config;

    private final ExecutorService workers;

    public ArticleFetchWorker(ArticleQueue queue, PoliteFetcher fetcher, ExtractionStore store, IngestConfig config) {
        this.queue = queue;
        this.fetcher = fetcher;
        this.store = store;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.fetchThreads()), r -> {
            Thread t = new Thread(r, "article-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
            ids = queue.claim(
                    PipelineState.DISCOVERED, owner, config.fetchBatch(), config.lease(), config.maxAttempts());
            // fetched and extracted in parallel, stored one by one in discovery order, so that of two
            // copies of a story the one discovered first stays the original
            List<Future<Runnable>> running = new ArrayList<>();
            for (Long id : ids) {
                running.add(workers.submit(() -> fetchAndExtract(id)));
            }
            for (int i = 0; i < running.size(); i++) {
                long id = ids.get(i);
                try {
                    running.get(i).get().run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    LOG.errorf(e.getCause(), "article %d: the fetch failed outside its own error handling", id);
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

    /** Fetches and extracts on a worker thread; returns how to store the outcome. */
    private Runnable fetchAndExtract(long id) {
        String url = store.urlOf(id);
        try {
            FetchedPage page = fetcher.fetch(url);
            ExtractedArticle extracted = extractor.extract(
                    page.body(), page.declaredCharset(), page.uri().toString());
            if (!extracted.hasBody()) {
                return () -> store.failed(id, owner, "no article text found on the page");
            }
            return () -> store.extracted(id, owner, extracted);
        } catch (FetchException e) {
            return () -> store.failed(id, owner, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "extracting article %d (%s) failed", id, url);
            return () -> store.failed(
                    id, owner, "internal error (" + e.getClass().getSimpleName() + "); see the ingest log");
        }
    }
}
