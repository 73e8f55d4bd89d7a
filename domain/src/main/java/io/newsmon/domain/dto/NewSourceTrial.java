package io.newsmon.domain.dto;

/** What an admin sends to try a source: its URL and, optionally, how many of its articles to fetch (1–25). */
public record NewSourceTrial(String url, Integer maxArticles) {}
