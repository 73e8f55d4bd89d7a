package io.newsmon.ingest.trial;

import io.newsmon.domain.dto.TrialLine;
import io.newsmon.extract.ArticleExtractor;
import io.newsmon.ingest.poll.IngestConfig;
import io.newsmon.sources.politeness.PoliteFetcher;
import io.newsmon.sources.trial.TrialCrawl;
import io.newsmon.sources.url.UrlPatterns;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;
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
    /** Lines are written at most this often while a trial runs (and always at its end). */
    private static final long WRITE_EVERY_NANOS = Duration.ofMillis(500).toNanos();

    /** The runner's claim ended: another replica took the trial over. */
    private static final class Lost extends RuntimeException {
        Lost() {
            super("the trial was taken over by another runner", null, false, false);
        }
    }

    private final SourceTrialStore store;
    private final TrialCrawl crawl;
    private final Duration lease;

    public SourceTrialWorker(SourceTrialStore store, PoliteFetcher fetcher, IngestConfig config) {
        this.store = store;
        this.crawl = new TrialCrawl(fetcher, new ArticleExtractor(config.extractBudget()), config.trialTimeLimit());
        // renewed with every write; long enough for one slow fetch between two writes
        this.lease = config.trialTimeLimit().plusSeconds(60);
    }

    @Scheduled(
            every = "${newsmon.schedule.fetch-every:2s}",
            delayed = "${newsmon.schedule.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runWaitingTrials() {
        Optional<SourceTrialStore.Claimed> next;
        while ((next = store.claim(lease)).isPresent()) {
            run(next.get());
        }
    }

    /** Old trials go once an hour, not on every round of the claim loop above. */
    @Scheduled(every = "1h", delayed = "${newsmon.schedule.delay:2s}")
    void purgeOldTrials() {
        store.purgeOlderThan(KEEP);
    }

    void run(SourceTrialStore.Claimed trial) {
        List<TrialLine> lines = new ArrayList<>();
        long[] lastWrite = {System.nanoTime()};
        try {
            UrlPatterns patterns = UrlPatterns.of(trial.includePattern(), trial.excludePattern());
            crawl.run(trial.url(), trial.maxArticles(), patterns, line -> {
                lines.add(line);
                if (System.nanoTime() - lastWrite[0] >= WRITE_EVERY_NANOS) {
                    lastWrite[0] = System.nanoTime();
                    if (!store.progress(trial, lines, lease)) {
                        throw new Lost();
                    }
                }
            });
            store.finish(trial, lines, null);
        } catch (Lost lost) {
            LOG.infof("source trial %d of %s was taken over by another runner", trial.id(), trial.url());
        } catch (PatternSyntaxException e) {
            store.finish(trial, lines, "a pattern is not a valid regular expression: " + e.getDescription());
        } catch (RuntimeException e) {
            LOG.warnf(e, "source trial %d of %s stopped", trial.id(), trial.url());
            store.finish(
                    trial, lines, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
