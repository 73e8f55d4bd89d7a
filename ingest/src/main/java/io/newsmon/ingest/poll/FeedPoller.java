package io.newsmon.ingest.poll;

import io.newsmon.domain.source.Source;
import io.newsmon.ingest.feed.Feed;
import io.newsmon.ingest.feed.FeedParseException;
import io.newsmon.ingest.feed.FeedParser;
import io.newsmon.ingest.fetch.FetchException;
import io.newsmon.ingest.fetch.FetchedPage;
import io.newsmon.ingest.politeness.PoliteFetcher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Polls due feed sources: fetches and parses each feed, records new article URLs as DISCOVERED and
 * the poll's outcome on the source. One bad source only ever costs its own poll.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final PoliteFetcher fetcher;
    private final FeedParser parser = new FeedParser();
    private final SourceLedger ledger;
    private final Clock clock;

    public FeedPoller(PoliteFetcher fetcher, SourceLedger ledger, Clock clock) {
        this.fetcher = fetcher;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Scheduled(
            every = "${newsmon.schedule.poll-every:10s}",
            delayed = "${newsmon.schedule.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDueSources() {
        List<Long> due = ledger.dueSourceIds(clock.instant());
        for (Long id : due) {
            poll(id);
        }
    }

    /** Polls one source now, whatever its schedule. */
    public void poll(long sourceId) {
        Source source = ledger.find(sourceId);
        if (source == null) {
            return;
        }
        try {
            FetchedPage page = fetcher.fetch(source.url);
            Feed feed = parser.parse(page.body());
            int added = ledger.recordPoll(sourceId, feed, clock.instant());
            LOG.infof("polled %s: %d items, %d new", source.url, feed.entries().size(), added);
        } catch (FetchException | FeedParseException e) {
            ledger.recordFailure(sourceId, e.getMessage(), clock.instant());
            LOG.warnf("poll of source %d (%s) failed: %s", sourceId, source.url, e.getMessage());
        } catch (RuntimeException e) {
            ledger.recordFailure(
                    sourceId,
                    "internal error (" + e.getClass().getSimpleName() + "); see the ingest log",
                    clock.instant());
            LOG.errorf(e, "poll of source %d (%s) failed unexpectedly", sourceId, source.url);
        }
    }
}
