package io.newsmon.domain.dto;

import java.time.Instant;
import java.util.List;

/**
 * One article with its extracted text, enrichment and pipeline status; {@code duplicateOf} is the original when
 * this is a copy, {@code copies} the later copies of this one (at most 20, oldest first).
 */
public record ArticleDetail(
        long id,
        String url,
        String canonicalUrl,
        String title,
        String description,
        List<String> authors,
        String body,
        Long sourceId,
        String sourceName,
        Instant publishedAt,
        Instant fetchedAt,
        Instant enrichedAt,
        String language,
        String state,
        int attempts,
        String lastError,
        Long seq,
        Long duplicateOf,
        List<EntityMentionView> entities,
        Double tone,
        List<String> keyphrases,
        String summary,
        Long storyId,
        List<ArticleSummary> copies) {}
