package io.newsmon.ingest.poll;

import io.newsmon.domain.source.Source;
import io.newsmon.sources.SourceRead;
import io.newsmon.sources.SourceReader;
import io.newsmon.sources.fetch.FetchedPage;
import io.newsmon.sources.politeness.PoliteFetcher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Polls due sources: reads each through {@link SourceReader} (a feed or sitemap, the feed an HTML page links to,
 * or a section page's article links; conditionally, with the validators of the last poll), records new article
 * URLs as DISCOVERED and the poll's outcome on the source. One bad source only ever costs its own poll, and its
 * failure is recorded with the reader's reason.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final SourceReader reader;
    private final SourceLedger ledger;
    private final Clock clock;

    public FeedPoller(PoliteFetcher fetcher, SourceLedger ledger, Clock clock) {
        this.reader = new SourceReader(fetcher);
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
            // with several ingest replicas, each due source is polled by the one that claims it
            if (ledger.claim(id, clock.instant())) {
                poll(id);
            }
        }
    }

    /** Conditional GET: an unchanged feed answers 304 and costs neither side a parse. */
    private static Map<String, String> validators(Source source) {
        Map<String, String> headers = new HashMap<>();
        if (source.etag != null) {
            headers.put("If-None-Match", source.etag);
        }
        if (source.lastModified != null) {
            headers.put("If-Modified-Since", source.lastModified);
        }
        return headers;
    }

    private void failed(Source source, String reason, Duration retryAfter) {
        ledger.recordFailure(source.id, reason, retryAfter, clock.instant());
        LOG.warnf("poll of source %d (%s) failed: %s", source.id, source.url, reason);
    }

    /** Polls one source now, whatever its schedule. */
    public void poll(long sourceId) {
        Source source = ledger.find(sourceId);
        if (source == null) {
            return;
        }
        try {
            SourceRead read = reader.read(source.url, validators(source));
            if (read instanceof SourceRead.NotModified) {
                ledger.recordNotModified(sourceId, clock.instant());
                LOG.debugf("polled %s: not modified", source.url);
            } else if (read instanceof SourceRead.Listing listing) {
                listing.warnings().forEach(w -> LOG.warnf("poll of source %d (%s): %s", sourceId, source.url, w));
                // a source read through the feed its page links to keeps no validators: the page's could hide a
                // changed feed behind a 304, and the feed's would never match the page
                boolean discovered = listing instanceof SourceRead.DiscoveredFeed;
                FetchedPage page = listing.page();
                int added = ledger.recordPoll(
                        sourceId,
                        listing.feed(),
                        discovered ? null : page.etag(),
                        discovered ? null : page.lastModified(),
                        clock.instant());
                LOG.infof(
                        "polled %s%s: %d items, %d new",
                        source.url,
                        discovered ? " through its feed " + ((SourceRead.DiscoveredFeed) listing).feedUrl() : "",
                        listing.feed().entries().size(),
                        added);
            } else if (read instanceof SourceRead.ArticlePage article) {
                failed(source, article.notASource(), null);
            } else if (read instanceof SourceRead.Unusable unusable) {
                failed(source, unusable.reason(), unusable.retryAfter());
            }
        } catch (RuntimeException e) {
            ledger.recordFailure(
                    sourceId,
                    "internal error (" + e.getClass().getSimpleName() + "); see the ingest log",
                    null,
                    clock.instant());
            LOG.errorf(e, "poll of source %d (%s) failed unexpectedly", sourceId, source.url);
        }
    }
}
