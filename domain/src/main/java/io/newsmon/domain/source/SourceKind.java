package io.newsmon.domain.source;

/** How a source lists its articles. */
public enum SourceKind {
    /** An RSS, Atom or JSON feed, or an XML sitemap. */
    FEED,
    /** A name given to imported articles; never polled. */
    IMPORT
}
