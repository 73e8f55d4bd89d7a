package io.newsmon.domain.dto;

import java.time.Instant;
import java.util.List;

/**
 * A topic as its owner sees it, with the private Atom feed URL and the state of each extra recipient. {@code
 * runnable} says whether nlp can match it: {@code (query) AND (filter)} parses within the configured limits;
 * when not, {@code problem} says why (a topic saved before a limit was lowered, or the language changed).
 */
public record TopicView(
        long id,
        String name,
        String query,
        String filter,
        String alertMode,
        String digestTime,
        int digestWeekday,
        String timeZone,
        boolean paused,
        boolean stem,
        String owner,
        String ownerEmail,
        List<Recipient> recipients,
        String feedUrl,
        long matches,
        Instant lastMatchAt,
        Instant createdAt,
        Instant updatedAt,
        Boolean runnable,
        String problem) {

    /** An extra address; it receives alerts only once {@code confirmed}. */
    public record Recipient(String email, boolean confirmed) {}
}
