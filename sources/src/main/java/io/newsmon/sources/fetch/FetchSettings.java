package io.newsmon.sources.fetch;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fetch and politeness settings as plain values: what {@link PageFetcher} and {@link
 * io.newsmon.sources.politeness.PoliteFetcher} are built with. The service maps its configuration ({@code newsmon.fetch.*}, {@code
 * newsmon.politeness.*}) to them; code that runs outside the service (the crawl command, tests) starts from the
 * service's {@link #defaults()}, with the allowed private ranges taken from {@code
 * NEWSMON_FETCH_ALLOWED_PRIVATE_RANGES} when built {@link #fromEnvironment from the environment}.
 */
public record FetchSettings(
        String userAgent,
        Duration connectTimeout,
        Duration totalTimeout,
        long maxBodyBytes,
        int maxRedirects,
        List<String> allowedRanges,
        Duration minDelay,
        Duration maxCrawlDelay,
        Duration robotsTtl,
        Duration robotsRetry,
        int maxConcurrentPerHost,
        int maxConcurrent) {

    public static final String DEFAULT_USER_AGENT =
            "newsmon/0.1 (+https://github.com/newsmon/newsmon; self-hosted news monitoring)";

    public static FetchSettings defaults() {
        return new FetchSettings(
                DEFAULT_USER_AGENT,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                5L * 1024 * 1024,
                5,
                List.of(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofHours(24),
                Duration.ofMinutes(10),
                2,
                16);
    }

    public static FetchSettings fromEnvironment(Map<String, String> env) {
        List<String> ranges = Arrays.stream(env.getOrDefault("NEWSMON_FETCH_ALLOWED_PRIVATE_RANGES", "")
                        .split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        FetchSettings d = defaults();
        return d.withAllowedRanges(ranges).withUserAgent(env.getOrDefault("NEWSMON_FETCH_USER_AGENT", d.userAgent()));
    }

    public FetchSettings withAllowedRanges(List<String> ranges) {
        return copy(b -> b.allowedRanges = List.copyOf(ranges));
    }

    public FetchSettings withUserAgent(String agent) {
        return copy(b -> b.userAgent = agent);
    }

    /** One timeout for connecting and for the whole exchange, a body limit and a redirect limit. */
    public FetchSettings withLimits(Duration timeout, long maxBody, int redirects) {
        return copy(b -> {
            b.connectTimeout = timeout;
            b.totalTimeout = timeout;
            b.maxBodyBytes = maxBody;
            b.maxRedirects = redirects;
        });
    }

    public FetchSettings withMinDelay(Duration delay) {
        return copy(b -> b.minDelay = delay);
    }

    /** The politeness of the defaults, or none at all ({@code 0} delay, no per-host cap) for benchmarks. */
    public FetchSettings withConcurrency(int perHost, int total) {
        return copy(b -> {
            b.maxConcurrentPerHost = perHost;
            b.maxConcurrent = total;
        });
    }

    /** These settings with the changes {@code change} makes to a mutable copy. */
    private FetchSettings copy(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        String userAgent;
        Duration connectTimeout;
        Duration totalTimeout;
        long maxBodyBytes;
        int maxRedirects;
        List<String> allowedRanges;
        Duration minDelay;
        Duration maxCrawlDelay;
        Duration robotsTtl;
        Duration robotsRetry;
        int maxConcurrentPerHost;
        int maxConcurrent;

        Builder(FetchSettings s) {
            userAgent = s.userAgent;
            connectTimeout = s.connectTimeout;
            totalTimeout = s.totalTimeout;
            maxBodyBytes = s.maxBodyBytes;
            maxRedirects = s.maxRedirects;
            allowedRanges = s.allowedRanges;
            minDelay = s.minDelay;
            maxCrawlDelay = s.maxCrawlDelay;
            robotsTtl = s.robotsTtl;
            robotsRetry = s.robotsRetry;
            maxConcurrentPerHost = s.maxConcurrentPerHost;
            maxConcurrent = s.maxConcurrent;
        }

        FetchSettings build() {
            return new FetchSettings(
                    userAgent,
                    connectTimeout,
                    totalTimeout,
                    maxBodyBytes,
                    maxRedirects,
                    allowedRanges,
                    minDelay,
                    maxCrawlDelay,
                    robotsTtl,
                    robotsRetry,
                    maxConcurrentPerHost,
                    maxConcurrent);
        }
    }
}
