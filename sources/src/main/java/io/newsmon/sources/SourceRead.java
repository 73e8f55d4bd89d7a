package io.newsmon.sources;

import io.newsmon.sources.feed.Feed;
import io.newsmon.sources.fetch.FetchedPage;
import java.time.Duration;
import java.util.List;

/**
 * What {@link SourceReader} made of a source's URL: a list of articles (a {@link Listing}: a feed or sitemap, a
 * feed the page links to, or a section page's article links), one article page, an unchanged document (a 304 to
 * a conditional request), or nothing usable, with the reason.
 */
public sealed interface SourceRead
        permits SourceRead.Listing, SourceRead.ArticlePage, SourceRead.NotModified, SourceRead.Unusable {

    /** The URL this outcome is about: the page that was read, or for {@link Unusable} the one that failed. */
    String url();

    /** A source that lists articles; {@link #feed()} holds them, in the order the document gives them. */
    sealed interface Listing extends SourceRead permits FeedDocument, DiscoveredFeed, SectionLinks {

        /** The response to the source's URL (its validators are those of a conditional request). */
        FetchedPage page();

        /** The articles found, with the document's title. */
        Feed feed();

        /** What was skipped on the way without costing the read (a child sitemap that could not be read). */
        List<String> warnings();

        @Override
        default String url() {
            return page().uri().toString();
        }
    }

    /**
     * The URL serves a feed (RSS, Atom, JSON Feed) or a sitemap; for a sitemap index, {@link #feed()} holds the
     * entries of its first {@link SourceReader#MAX_CHILD_SITEMAPS} child sitemaps.
     */
    record FeedDocument(FetchedPage page, Feed feed, List<String> warnings) implements Listing {}

    /**
     * The URL serves an HTML page that names its feed ({@code <link rel="alternate" type="application/rss+xml">}
     * and the like): {@link #feed()} is that feed, read from {@code feedUrl}.
     */
    record DiscoveredFeed(FetchedPage page, String feedUrl, Feed feed, List<String> warnings) implements Listing {}

    /** The URL serves a front or section page without a feed link: {@link #feed()} holds its article links. */
    record SectionLinks(FetchedPage page, Feed feed) implements Listing {
        @Override
        public List<String> warnings() {
            return List.of();
        }
    }

    /**
     * The URL serves one article page, or an HTML page with too few article links to be a section page: a trial
     * extracts it; as a source it lists nothing, and {@code notASource} says why.
     */
    record ArticlePage(FetchedPage page, String notASource) implements SourceRead {
        @Override
        public String url() {
            return page.uri().toString();
        }
    }

    /** A conditional request answered 304: the document is unchanged since the validators sent. */
    record NotModified(FetchedPage page) implements SourceRead {
        @Override
        public String url() {
            return page.uri().toString();
        }
    }

    /**
     * Nothing to read: the fetch failed, or what it gave is no feed and no web page; {@code reason} names the
     * problem for the source's owner, and {@code retryAfter} is how long the server asked us to wait, or null.
     */
    record Unusable(String url, String reason, Duration retryAfter) implements SourceRead {}
}
