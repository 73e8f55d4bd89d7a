package io.newsmon.sources.feed;

import java.time.Instant;

/** One item of a feed: the article's link and what the feed says of it. */
public record FeedEntry(String link, String title, String summary, Instant published, String author) {}
