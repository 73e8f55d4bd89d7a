package io.newsmon.sources.feed;

import java.util.List;

/**
 * A parsed feed or sitemap: its entries, and for a sitemap index the child sitemaps to read next.
 */
public record Feed(String format, String title, String link, List<FeedEntry> entries, List<String> children) {

    public Feed(String format, String title, String link, List<FeedEntry> entries) {
        this(format, title, link, entries, List.of());
    }
}
