package io.newsmon.seeds.newsroom;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps request paths of the demo newsroom to rendered responses, independent of any HTTP server. */
public final class NewsroomRoutes {

    private static final Pattern ARTICLE = Pattern.compile("/([a-z]+)/\\d{4}/\\d{2}/\\d{2}/([a-z0-9-]+)\\.html");
    private static final Pattern SECTION = Pattern.compile("/section/([a-z]+)/?");
    private static final Pattern SECTION_FEED = Pattern.compile("/section/([a-z]+)/feed\\.xml");
    private static final Pattern IMAGE = Pattern.compile("/img/([a-z0-9-]+)\\.svg");
    private static final Pattern AUTHOR = Pattern.compile("/author/([a-z0-9-]+)/?");
    private static final Pattern TAG = Pattern.compile("/tag/([a-z0-9-]+)/?");
    private static final Pattern INFO = Pattern.compile("/(about|contact|privacy|terms)/?");

    private final NewsroomCatalog catalog;
    private final NewsroomPages pages;
    private final NewsroomFeeds feeds;

    public NewsroomRoutes(NewsroomCatalog catalog, URI baseUri) {
        this.catalog = catalog;
        this.pages = new NewsroomPages(catalog, baseUri);
        this.feeds = new NewsroomFeeds(catalog, baseUri);
    }

    /** Renders the response for a decoded request path such as {@code /feed.xml}; unknown paths give 404. */
    public NewsroomResponse route(String path) {
        return switch (path) {
            case "/", "/index.html" -> NewsroomResponse.ok(NewsroomResponse.HTML, pages.frontPage());
            case "/feed.xml" -> NewsroomResponse.ok(NewsroomResponse.RSS, feeds.siteFeed());
            case "/sitemap.xml" -> NewsroomResponse.ok(NewsroomResponse.XML, feeds.sitemap());
            case "/robots.txt" -> NewsroomResponse.ok(NewsroomResponse.TEXT, feeds.robots());
            case "/img/logo.svg" -> NewsroomResponse.ok(NewsroomResponse.SVG, LeadImages.logo());
            default -> patterned(path).orElseGet(() -> notFound(path));
        };
    }

    /** The 404 response for a path nobody serves. */
    public NewsroomResponse notFound(String path) {
        return new NewsroomResponse(404, NewsroomResponse.HTML, pages.notFoundPage(path));
    }

    private Optional<NewsroomResponse> patterned(String path) {
        Matcher article = ARTICLE.matcher(path);
        if (article.matches()) {
            // Only the article's own dated URL is served, so made-up dates give 404 as on a real site.
            return catalog.find(article.group(2))
                    .filter(found -> found.path().equals(path))
                    .map(found -> NewsroomResponse.ok(NewsroomResponse.HTML, pages.articlePage(found)));
        }
        Matcher sectionFeed = SECTION_FEED.matcher(path);
        if (sectionFeed.matches()) {
            return feeds.sectionFeed(sectionFeed.group(1)).map(xml -> NewsroomResponse.ok(NewsroomResponse.RSS, xml));
        }
        Matcher section = SECTION.matcher(path);
        if (section.matches()) {
            return html(pages.sectionPage(section.group(1)));
        }
        Matcher image = IMAGE.matcher(path);
        if (image.matches()) {
            return catalog.find(image.group(1))
                    .map(found -> NewsroomResponse.ok(NewsroomResponse.SVG, LeadImages.forArticle(found)));
        }
        Matcher author = AUTHOR.matcher(path);
        if (author.matches()) {
            return html(pages.authorPage(author.group(1)));
        }
        Matcher tag = TAG.matcher(path);
        if (tag.matches()) {
            return html(pages.tagPage(tag.group(1)));
        }
        Matcher info = INFO.matcher(path);
        return info.matches() ? html(pages.infoPage(info.group(1))) : Optional.empty();
    }

    private static Optional<NewsroomResponse> html(Optional<String> page) {
        return page.map(body -> NewsroomResponse.ok(NewsroomResponse.HTML, body));
    }
}
