package io.newsmon.domain.dto;

/**
 * What an admin sends to add a source, or to change one ({@code PATCH}: only the fields given change);
 * only {@code url} is required to add. {@code includePattern}/{@code excludePattern} are Java regular
 * expressions searched in each discovered article URL; {@code adaptivePoll} lets the interval follow
 * the source's publishing rate, starting from {@code pollIntervalSeconds}.
 */
public record NewSource(
        String name,
        String url,
        String languageHint,
        Integer pollIntervalSeconds,
        String includePattern,
        String excludePattern,
        Integer maxArticlesPerPoll,
        Boolean adaptivePoll,
        Boolean enabled) {

    public NewSource(String name, String url, String languageHint, Integer pollIntervalSeconds) {
        this(name, url, languageHint, pollIntervalSeconds, null, null, null, null, null);
    }
}
