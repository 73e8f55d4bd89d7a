package io.newsmon.ingest.politeness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How gently ingest treats each site. */
@ConfigMapping(prefix = "newsmon.politeness")
public interface PolitenessConfig {

    /** Least time between two requests to the same host; a robots.txt Crawl-delay may ask for more. */
    @WithDefault("1s")
    Duration minDelay();

    /** A Crawl-delay above this is capped: a site asking for an hour per page would never be read. */
    @WithDefault("30s")
    Duration maxCrawlDelay();

    /** How long a host's robots.txt is trusted before it is fetched again. */
    @WithDefault("24h")
    Duration robotsTtl();

    /** Requests in flight to one host at most, whatever the number of workers. */
    @WithDefault("2")
    int maxConcurrentPerHost();

    /** Requests in flight at most, all hosts together: bounds sockets, threads and memory. */
    @WithDefault("16")
    int maxConcurrent();

    /** How long a robots.txt that could not be read (5xx, timeout) blocks its host before a retry. */
    @WithDefault("10m")
    Duration robotsRetry();
}
