package io.newsmon.domain.dto;

import java.time.Instant;

/** A source with the health of its polling. */
public record SourceView(
        long id,
        String name,
        String url,
        String kind,
        String languageHint,
        boolean enabled,
        int pollIntervalSeconds,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        Instant nextPollAt,
        int consecutiveFailures,
        String lastError,
        long articleCount) {}
