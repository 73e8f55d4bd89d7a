package io.newsmon.seeds.newsroom;

import static io.newsmon.seeds.newsroom.Markup.escape;
import static io.newsmon.seeds.newsroom.Markup.json;

/** The {@code <head>} metadata of an article page: author, Open Graph and article tags, and JSON-LD. */
final class ArticleMeta {

    private final SiteUrls urls;

    ArticleMeta(SiteUrls urls) {
        this.urls = urls;
    }

    String render(NewsroomArticle article) {
        String url = urls.absolute(article.path());
        String image = urls.absolute(SiteUrls.image(article));
        String published = NewsDates.iso(article.published());
        String section = Markup.label(article.section());
        String authorUrl = urls.absolute(SiteUrls.author(article.author()));
        StringBuilder meta = new StringBuilder()
                .append(name("author", article.author()))
                .append(name("keywords", String.join(", ", article.tags())))
                .append(property("og:site_name", PageLayout.SITE_NAME))
                .append(property("og:type", "article"))
                .append(property("og:title", article.title()))
                .append(property("og:description", article.description()))
                .append(property("og:url", url))
                .append(property("og:image", image))
                .append(property("article:published_time", published))
                .append(property("article:section", section))
                .append(property("article:author", authorUrl));
        article.tags().forEach(tag -> meta.append(property("article:tag", tag)));
        return meta.append(name("twitter:card", "summary_large_image"))
                .append(jsonLd(article, url, image, published, section, authorUrl))
                .toString();
    }

    // The body is left out on purpose: consumers must extract it from the HTML, as on most real sites.
    private String jsonLd(
            NewsroomArticle article, String url, String image, String published, String section, String authorUrl) {
        return """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":%s,"description":%s,\
            "datePublished":%s,"dateModified":%s,"inLanguage":%s,"articleSection":%s,"keywords":%s,\
            "image":[%s],"author":[{"@type":"Person","name":%s,"url":%s}],\
            "publisher":{"@type":"Organization","name":%s,"logo":{"@type":"ImageObject","url":%s}},\
            "mainEntityOfPage":{"@type":"WebPage","@id":%s}}
            </script>
            """.formatted(
                        json(article.title()),
                        json(article.description()),
                        json(published),
                        json(published),
                        json(article.language()),
                        json(section),
                        json(String.join(", ", article.tags())),
                        json(image),
                        json(article.author()),
                        json(authorUrl),
                        json(PageLayout.SITE_NAME),
                        json(urls.absolute("/img/logo.svg")),
                        json(url));
    }

    static String property(String property, String content) {
        return "<meta property=\"%s\" content=\"%s\">\n".formatted(property, escape(content));
    }

    private static String name(String name, String content) {
        return "<meta name=\"%s\" content=\"%s\">\n".formatted(name, escape(content));
    }
}
