package io.newsmon.ingest.politeness;

import crawlercommons.robots.BaseRobotRules;
import io.newsmon.ingest.fetch.FetchConfig;
import io.newsmon.ingest.fetch.FetchException;
import io.newsmon.ingest.fetch.FetchedPage;
import io.newsmon.ingest.fetch.PageFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The fetcher the pipeline uses: asks robots.txt first, then waits its turn for the host (the larger
 * of the configured minimum delay and the site's Crawl-delay), then fetches.
 */
@ApplicationScoped
public class PoliteFetcher {

    private final PageFetcher fetcher;
    private final RobotsPolicy robots;
    private final HostThrottle throttle = new HostThrottle();
    private final PolitenessConfig config;

    public PoliteFetcher(PageFetcher fetcher, FetchConfig fetchConfig, PolitenessConfig config) {
        this.fetcher = fetcher;
        this.config = config;
        this.robots = new RobotsPolicy(fetcher, fetchConfig.userAgent(), config.robotsTtl(), config.robotsRetry());
    }

    public FetchedPage fetch(String url) throws FetchException {
        return fetch(url, Map.of());
    }

    public FetchedPage fetch(String url, Map<String, String> headers) throws FetchException {
        URI uri = PageFetcher.parseHttpUrl(url);
        // a refused address is the real reason, not the robots.txt that could not be fetched from it
        fetcher.checkAllowed(uri);
        BaseRobotRules rules = robots.rulesFor(uri);
        if (!rules.isAllowed(uri.toString())) {
            String unreadable = robots.unreadable(uri);
            throw new FetchException(
                    unreadable == null
                            ? "disallowed by robots.txt: " + uri
                            : "robots.txt could not be read (" + unreadable
                                    + "), so the host is skipped until a retry");
        }
        Duration spacing = config.minDelay();
        if (rules.getCrawlDelay() > 0) {
            Duration asked = Duration.ofMillis(rules.getCrawlDelay());
            Duration capped = asked.compareTo(config.maxCrawlDelay()) > 0 ? config.maxCrawlDelay() : asked;
            spacing = capped.compareTo(spacing) > 0 ? capped : spacing;
        }
        try {
            throttle.await(uri.getHost(), spacing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while waiting to fetch " + uri);
        }
        return fetcher.fetch(url, headers);
    }
}
