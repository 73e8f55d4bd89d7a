package io.newsmon.ingest.feed;

import java.util.List;

/** A parsed RSS or Atom document. */
public record Feed(String format, String title, String link, List<FeedEntry> entries) {}
