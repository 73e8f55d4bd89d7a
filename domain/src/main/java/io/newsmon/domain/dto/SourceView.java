package io.newsmon.domain.dto;

import java.time.Instant;

/**
 * A source with the health of its polling: failures and the last error, and its output — articles per
 * day over the last week, the newest article, and {@code silent} when it has stopped publishing against
 * its own normal rate. {@code currentPollSeconds} is the interval in force (learned when
 * {@code adaptivePoll}).
 */
public record SourceView(
        long id,
        String name,
        String url,
        String kind,
        String languageHint,
        boolean enabled,
        int pollIntervalSeconds,
        int currentPollSeconds,
        boolean adaptivePoll,
        String includePattern,
        String excludePattern,
        Integer maxArticlesPerPoll,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        Instant nextPollAt,
        int consecutiveFailures,
        String lastError,
        long articleCount,
        double articlesPerDay,
        Instant lastArticleAt,
        boolean silent) {}
