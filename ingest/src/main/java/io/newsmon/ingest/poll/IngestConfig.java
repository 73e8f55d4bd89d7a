package io.newsmon.ingest.poll;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Scheduling of feed polls and page fetches. */
@ConfigMapping(prefix = "newsmon.ingest")
public interface IngestConfig {

    /** Feed URLs added as sources at start-up when absent (the launcher adds the demo newsroom). */
    Optional<List<String>> bootstrapFeeds();

    /** Poll interval given to new sources. */
    @WithDefault("15m")
    Duration defaultPollInterval();

    /** The shortest interval the adaptive poll schedule may choose. */
    @WithDefault("2m")
    Duration minPollInterval();

    /** The longest interval the adaptive poll schedule may choose. */
    @WithDefault("2h")
    Duration maxPollInterval();

    /**
     * How long a replica's claim on a source's poll lasts: if it dies mid-poll, another replica polls
     * the source after this.
     */
    @WithDefault("5m")
    Duration pollLease();

    /**
     * Pages claimed per fetch round, spread across sources; with the lease, bounds how long one claim
     * may take.
     */
    @WithDefault("32")
    int fetchBatch();

    /**
     * Pages fetched and extracted at once. Politeness still holds per host (spacing, at most
     * {@code newsmon.politeness.max-concurrent-per-host} in flight), so threads serve different hosts.
     */
    @WithDefault("8")
    int fetchThreads();

    /**
     * How long a fetcher holds its claimed pages before another replica may take them: longer than a
     * whole round at the usual pace (a host's pages one by one, a second apart). A round stuck on a
     * slow host for longer is not lost: its pages are claimed again, and a late result is refused.
     */
    @WithDefault("5m")
    Duration lease();

    /**
     * Claims of a page that ended without any recorded result (the replica crashed or hung each time)
     * before the page is parked as FAILED.
     */
    @WithDefault("3")
    int maxAttempts();

    /**
     * The waits before each new try of a page that failed transiently (a timeout, a refused connection,
     * HTTP 429 or 5xx): one entry per retry, ~10 h in all by default; after the last the page is parked
     * as FAILED with its reason. A server's Retry-After lengthens a wait (up to a day). Permanent failures
     * (404, 410, not HTML, too large, no article on the page) are parked at once.
     */
    @WithDefault("1m,5m,15m,1h,3h,6h")
    List<Duration> retrySchedule();

    /**
     * How long trying a source (the dashboard's <em>Try it</em>) may take, its articles together; the
     * articles not reached by then are reported as skipped.
     */
    @WithDefault("60s")
    Duration trialTimeLimit();

    /** The time one page's extraction may take; a page over it ends as that page's error. */
    @WithDefault("10s")
    Duration extractBudget();

    /**
     * The time one fetch round may take; pages not reached by then are retried later. Shorter than
     * {@link #lease()}, so that a round's results are stored while its claims still hold.
     */
    @WithDefault("4m")
    Duration roundLimit();

    /** Readiness turns DOWN while a fetch round has been running for longer than this. */
    @WithDefault("10m")
    Duration stuckAfter();

    /** Items taken from one feed poll at most. */
    @WithDefault("200")
    int maxItemsPerPoll();
}
