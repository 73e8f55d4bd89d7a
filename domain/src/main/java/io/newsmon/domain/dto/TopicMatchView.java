package io.newsmon.domain.dto;

import java.time.Instant;

/** One match of a topic, as its history and its Atom feed show it, with how it went out. */
public record TopicMatchView(
        long articleId,
        String title,
        String url,
        String source,
        Instant published,
        Instant matchedAt,
        String matchedTerms,
        Long storyId,
        String deliveryState,
        Instant sentAt,
        String summary) {}
