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

    /** Pages claimed per fetch round. */
    @WithDefault("10")
    int fetchBatch();

    /** How long a fetcher holds a claimed page before another replica may take it. */
    @WithDefault("2m")
    Duration lease();

    /** Attempts before a page is parked as FAILED. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before a failed page is tried again. */
    @WithDefault("1m")
    Duration retryAfter();

    /** Items taken from one feed poll at most. */
    @WithDefault("200")
    int maxItemsPerPoll();
}
