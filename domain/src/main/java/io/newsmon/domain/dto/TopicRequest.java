package io.newsmon.domain.dto;

import java.util.List;

/**
 * What a user sends to save or change a topic. On create only {@code name} and {@code query} are
 * required; on update ({@code PUT}) fields left out keep their value, and {@code recipients}, when given,
 * is the whole list of extra addresses (new ones are sent a confirmation link, missing ones removed).
 */
public record TopicRequest(
        String name,
        String query,
        String filter,
        String alertMode,
        String digestTime,
        Integer digestWeekday,
        String timeZone,
        Boolean paused,
        Boolean stem,
        List<String> recipients) {}
