package io.newsmon.domain.dto;

/** What an admin sends to add a source; only {@code url} is required. */
public record NewSource(String name, String url, String languageHint, Integer pollIntervalSeconds) {}
