package io.newsmon.domain.dto;

import java.time.Instant;
import java.util.List;

/** A topic as its owner sees it, with the private Atom feed URL and the state of each extra recipient. */
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
        Instant updatedAt) {

    /** An extra address; it receives alerts only once {@code confirmed}. */
    public record Recipient(String email, boolean confirmed) {}
}
