package io.newsmon.sources.politeness;

import crawlercommons.robots.BaseRobotRules;
import io.newsmon.sources.fetch.FetchException;
import io.newsmon.sources.fetch.FetchSettings;
import io.newsmon.sources.fetch.FetchedPage;
import io.newsmon.sources.fetch.PageFetcher;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The fetcher the pipeline uses: asks robots.txt first, then waits its turn for the host (the larger
 * of the configured minimum delay and the site's Crawl-delay), then fetches with at most
 * {@code max-concurrent-per-host} requests in flight to that host and {@code max-concurrent} in all.
 */
public class PoliteFetcher {

    private final PageFetcher fetcher;
    private final RobotsPolicy robots;
    private final HostThrottle throttle = new HostThrottle();
    private final FetchSettings config;
    private final Semaphore inFlight;
    private final Map<String, Semaphore> inFlightPerHost = new ConcurrentHashMap<>();
    private final Duration permitWait;

    /** A polite fetcher over a {@link PageFetcher} of its own, both with {@code settings}. */
    public PoliteFetcher(FetchSettings settings) {
        this(new PageFetcher(settings), settings);
    }

    public PoliteFetcher(PageFetcher fetcher, FetchSettings config) {
        this.fetcher = fetcher;
        this.config = config;
        this.robots = new RobotsPolicy(fetcher, config.userAgent(), config.robotsTtl(), config.robotsRetry());
        this.inFlight = new Semaphore(Math.max(1, config.maxConcurrent()), true);
        this.permitWait = config.totalTimeout().multipliedBy(4);
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
            if (unreadable != null) {
                throw FetchException.transientFailure(
                        "robots.txt could not be read (" + unreadable + "), so the host is skipped until a retry");
            }
            throw new FetchException("disallowed by robots.txt: " + uri);
        }
        Duration spacing = config.minDelay();
        if (rules.getCrawlDelay() > 0) {
            Duration asked = Duration.ofMillis(rules.getCrawlDelay());
            Duration capped = asked.compareTo(config.maxCrawlDelay()) > 0 ? config.maxCrawlDelay() : asked;
            spacing = capped.compareTo(spacing) > 0 ? capped : spacing;
        }
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        Semaphore hostPermits = inFlightPerHost.computeIfAbsent(
                host, h -> new Semaphore(Math.max(1, config.maxConcurrentPerHost()), true));
        try {
            throttle.await(host, spacing);
            acquire(hostPermits, "requests to " + host, uri);
            try {
                acquire(inFlight, "requests in all", uri);
                try {
                    return fetcher.fetch(url, headers);
                } finally {
                    inFlight.release();
                }
            } finally {
                hostPermits.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FetchException.transientFailure("interrupted while waiting to fetch " + uri);
        }
    }

    private void acquire(Semaphore permits, String what, URI uri) throws InterruptedException, FetchException {
        if (!permits.tryAcquire(permitWait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw FetchException.transientFailure("gave up waiting " + permitWait.toSeconds() + " s for a free slot ("
                    + what + " are at their limit): " + uri);
        }
    }
}
