package io.newsmon.ingest.poll;

import io.newsmon.domain.source.Source;
import io.newsmon.sources.feed.Feed;
import io.newsmon.sources.feed.FeedEntry;
import io.newsmon.sources.feed.FeedParseException;
import io.newsmon.sources.feed.FeedParser;
import io.newsmon.sources.feed.SectionPage;
import io.newsmon.sources.fetch.FetchException;
import io.newsmon.sources.fetch.FetchedPage;
import io.newsmon.sources.politeness.PoliteFetcher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Polls due feed sources: fetches and parses each feed, records new article URLs as DISCOVERED and
 * the poll's outcome on the source. One bad source only ever costs its own poll.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final int MAX_CHILD_SITEMAPS = 3;

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
            // with several ingest replicas, each due source is polled by the one that claims it
            if (ledger.claim(id, clock.instant())) {
                poll(id);
            }
        }
    }

    /** A sitemap index lists sitemaps; the first few (news sites list the newest first) are read. */
    private Feed withChildren(Feed feed) {
        if (feed.children().isEmpty()) {
            return feed;
        }
        List<FeedEntry> entries = new ArrayList<>(feed.entries());
        for (String child : feed.children().stream().limit(MAX_CHILD_SITEMAPS).toList()) {
            try {
                entries.addAll(parser.parse(fetcher.fetch(child).body()).entries());
            } catch (FetchException | FeedParseException e) {
                LOG.warnf("child sitemap %s skipped: %s", child, e.getMessage());
            }
        }
        return new Feed(feed.format(), feed.title(), feed.link(), entries);
    }

    /**
     * A feed or sitemap; or, when the source is an HTML page, its article links read as a section page.
     * A page with too few article links keeps the feed parser's message, which says what it looked like.
     */
    private Feed feedOrSection(FetchedPage page) throws FeedParseException {
        try {
            return parser.parse(page.body());
        } catch (FeedParseException notAFeed) {
            boolean html = notAFeed.getMessage().contains("HTML page")
                    || page.contentType() != null
                            && page.contentType().toLowerCase().contains("html");
            if (!html) {
                throw notAFeed;
            }
            Feed section = SectionPage.read(
                    page.body(), page.declaredCharset(), page.uri().toString());
            if (section.entries().size() < SectionPage.MIN_LINKS) {
                throw new FeedParseException(notAFeed.getMessage() + "; it has too few article links ("
                        + section.entries().size() + ") to be read as a section page");
            }
            return section;
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

    /** Polls one source now, whatever its schedule. */
    public void poll(long sourceId) {
        Source source = ledger.find(sourceId);
        if (source == null) {
            return;
        }
        try {
            FetchedPage page = fetcher.fetch(source.url, validators(source));
            if (page.notModified()) {
                ledger.recordNotModified(sourceId, clock.instant());
                LOG.debugf("polled %s: not modified", source.url);
                return;
            }
            Feed feed = withChildren(feedOrSection(page));
            int added = ledger.recordPoll(sourceId, feed, page.etag(), page.lastModified(), clock.instant());
            LOG.infof("polled %s: %d items, %d new", source.url, feed.entries().size(), added);
        } catch (FetchException e) {
            ledger.recordFailure(sourceId, e.getMessage(), e.retryAfter(), clock.instant());
            LOG.warnf("poll of source %d (%s) failed: %s", sourceId, source.url, e.getMessage());
        } catch (FeedParseException e) {
            ledger.recordFailure(sourceId, e.getMessage(), null, clock.instant());
            LOG.warnf("poll of source %d (%s) failed: %s", sourceId, source.url, e.getMessage());
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
