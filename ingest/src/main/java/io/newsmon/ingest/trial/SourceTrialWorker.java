package io.newsmon.ingest.trial;

import io.newsmon.domain.dto.TrialLine;
import io.newsmon.ingest.extract.ArticleExtractor;
import io.newsmon.ingest.politeness.PoliteFetcher;
import io.newsmon.ingest.poll.IngestConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs the source trials admins ask for through the api (the dashboard's <em>Try it</em>): one at a time,
 * each bounded by {@link IngestConfig#trialTimeLimit()}, with the same polite fetcher, SSRF guard and
 * extraction budget as the pipeline, writing nothing but the trial's own row.
 */
@ApplicationScoped
public class SourceTrialWorker {

    private static final Logger LOG = Logger.getLogger(SourceTrialWorker.class);
    private static final Duration KEEP = Duration.ofDays(1);

    private final SourceTrialStore store;
    private final TrialCrawl crawl;
    private final Duration lease;

    public SourceTrialWorker(SourceTrialStore store, PoliteFetcher fetcher, IngestConfig config) {
        this.store = store;
        this.crawl = new TrialCrawl(fetcher, new ArticleExtractor(config.extractBudget()), config.trialTimeLimit());
        // the last fetch may start just before the limit and take its own timeout
        this.lease = config.trialTimeLimit().multipliedBy(2).plusSeconds(60);
    }

    @Scheduled(
            every = "${newsmon.schedule.fetch-every:2s}",
            delayed = "${newsmon.schedule.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runWaitingTrials() {
        store.purgeOlderThan(KEEP);
        Optional<SourceTrialStore.Claimed> next;
        while ((next = store.claim(lease)).isPresent()) {
            run(next.get());
        }
    }

    void run(SourceTrialStore.Claimed trial) {
        List<TrialLine> lines = new ArrayList<>();
        try {
            crawl.run(trial.url(), trial.maxArticles(), line -> {
                lines.add(line);
                store.progress(trial.id(), lines);
            });
            store.finish(trial.id(), lines, null);
        } catch (RuntimeException e) {
            LOG.warnf(e, "source trial %d of %s stopped", trial.id(), trial.url());
            store.finish(trial.id(), lines, "the trial stopped: " + e);
        }
    }
}
