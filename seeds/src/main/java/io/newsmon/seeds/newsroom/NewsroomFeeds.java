package io.newsmon.seeds.newsroom;

import static io.newsmon.seeds.newsroom.Markup.escape;
import static java.util.stream.Collectors.joining;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Renders the machine-readable side of the site: RSS 2.0 feeds, the sitemap and robots.txt. */
public final class NewsroomFeeds {

    private final NewsroomCatalog catalog;
    private final SiteUrls urls;

    public NewsroomFeeds(NewsroomCatalog catalog, URI baseUri) {
        this.catalog = catalog;
        this.urls = new SiteUrls(baseUri);
    }

    /** The site-wide RSS 2.0 feed with one item per article, newest first. */
    public String siteFeed() {
        return rss(
                PageLayout.SITE_NAME,
                "/",
                "/feed.xml",
                "World, business and science news from The Harbour Ledger, a fictional newsroom.",
                catalog.articles());
    }

    /** The RSS 2.0 feed of one section, or empty if there is no such section. */
    public Optional<String> sectionFeed(String section) {
        if (!catalog.sections().contains(section)) {
            return Optional.empty();
        }
        return Optional.of(rss(
                PageLayout.SITE_NAME + " - " + Markup.label(section),
                SiteUrls.section(section),
                SiteUrls.sectionFeed(section),
                "The latest " + section + " news from The Harbour Ledger.",
                catalog.inSection(section)));
    }

    /** A sitemap listing every article URL with its publication time as last modification. */
    public String sitemap() {
        String entries = catalog.articles().stream()
                .map(article -> "<url><loc>%s</loc><lastmod>%s</lastmod></url>\n"
                        .formatted(escape(urls.absolute(article.path())), NewsDates.iso(article.published())))
                .collect(joining());
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            %s</urlset>
            """.formatted(entries);
    }

    /** Allows every crawler everywhere and points it at the sitemap. */
    public String robots() {
        return "User-agent: *\nAllow: /\n\nSitemap: " + urls.absolute("/sitemap.xml") + "\n";
    }

    private String rss(String title, String link, String self, String description, List<NewsroomArticle> articles) {
        String items = articles.stream().map(this::item).collect(joining());
        // The newest story's time rather than "now", so that the feed is byte-for-byte stable between runs.
        String lastBuild = articles.isEmpty()
                ? ""
                : "<lastBuildDate>" + NewsDates.rfc822(articles.get(0).published()) + "</lastBuildDate>\n";
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" \
            xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>%s</title>
            <link>%s</link>
            <description>%s</description>
            <language>en</language>
            %s<atom:link href="%s" rel="self" type="application/rss+xml"/>
            %s</channel>
            </rss>
            """.formatted(
                        escape(title),
                        escape(urls.absolute(link)),
                        escape(description),
                        lastBuild,
                        escape(urls.absolute(self)),
                        items);
    }

    private String item(NewsroomArticle article) {
        String url = escape(urls.absolute(article.path()));
        return """
            <item>
            <title>%s</title>
            <link>%s</link>
            <guid isPermaLink="true">%s</guid>
            <pubDate>%s</pubDate>
            <description>%s</description>
            <category>%s</category>
            <dc:creator>%s</dc:creator>
            </item>
            """.formatted(
                        escape(article.title()),
                        url,
                        url,
                        NewsDates.rfc822(article.published()),
                        escape(article.description()),
                        Markup.label(article.section()),
                        escape(article.author()));
    }
}
