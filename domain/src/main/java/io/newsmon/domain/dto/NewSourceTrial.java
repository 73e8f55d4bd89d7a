package io.newsmon.domain.dto;

/**
 * What an admin sends to try a source: its URL, optionally how many of its articles to fetch (1–25), and the
 * include/exclude patterns the source would get (Java regular expressions searched in each article URL).
 */
public record NewSourceTrial(String url, Integer maxArticles, String includePattern, String excludePattern) {

    public NewSourceTrial(String url, Integer maxArticles) {
        this(url, maxArticles, null, null);
    }
}
