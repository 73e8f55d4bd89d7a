package io.newsmon.domain.source;

/** How a source lists its articles. */
public enum SourceKind {
    /** An RSS or Atom feed. */
    FEED
}
