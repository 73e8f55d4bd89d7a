package io.newsmon.sources.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsmon.sources.fetch.FetchException;
import io.newsmon.sources.fetch.FetchedPage;
import io.newsmon.sources.fetch.PageFetcher;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per host (RFC 9309, parsed by crawler-commons), cached. A missing robots.txt (4xx)
 * allows everything; one that cannot be read (5xx, network error) disallows the host until a retry,
 * as the RFC asks. The product token matched is the first word of the User-Agent ("newsmon").
 */
public class RobotsPolicy {

    private record Entry(BaseRobotRules rules, long expiresAt, String unreadable) {}

    private final PageFetcher fetcher;
    private final String agent;
    private final Duration ttl;
    private final Duration retry;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public RobotsPolicy(PageFetcher fetcher, String userAgent, Duration ttl, Duration retry) {
        this.fetcher = fetcher;
        this.agent = userAgent.split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
        this.ttl = ttl;
        this.retry = retry;
    }

    /** The rules for {@code uri}'s host, fetched when not cached or expired. */
    public BaseRobotRules rulesFor(URI uri) {
        return entry(uri).rules();
    }

    /** Why the host's robots.txt could not be read (so everything is disallowed for now), or null. */
    public String unreadable(URI uri) {
        return entry(uri).unreadable();
    }

    private Entry entry(URI uri) {
        String key = uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        Entry cached = cache.get(key);
        if (cached != null && cached.expiresAt() > System.nanoTime()) {
            return cached;
        }
        Entry fresh = fetch(key);
        cache.put(key, fresh);
        return fresh;
    }

    private Entry fetch(String origin) {
        String robotsUrl = origin + "/robots.txt";
        try {
            FetchedPage page = fetcher.fetch(robotsUrl);
            BaseRobotRules rules = parser.parseContent(robotsUrl, page.body(), page.contentType(), List.of(agent));
            return new Entry(rules, System.nanoTime() + ttl.toNanos(), null);
        } catch (FetchException e) {
            boolean missing = e.status() >= 400 && e.status() < 500;
            BaseRobotRules rules = parser.failedFetch(missing ? e.status() : 503);
            return new Entry(
                    rules, System.nanoTime() + (missing ? ttl : retry).toNanos(), missing ? null : e.getMessage());
        }
    }
}
