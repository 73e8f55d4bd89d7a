package io.newsmon.domain.dto;

import java.time.Instant;

/** An article in a list: enough to show a headline row. */
public record ArticleSummary(
        long id,
        String url,
        String title,
        Long sourceId,
        String sourceName,
        Instant publishedAt,
        Instant fetchedAt,
        String language,
        String state) {}
