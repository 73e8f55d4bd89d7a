package io.newsmon.seeds.newsroom;

import static io.newsmon.seeds.newsroom.Fragments.link;
import static io.newsmon.seeds.newsroom.Markup.escape;
import static java.util.stream.Collectors.joining;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders the HTML pages of the demo newsroom, deliberately wrapped in the boilerplate of a real news site. */
public final class NewsroomPages {

    /** Title and text of the small pages linked from the footer. */
    private record InfoPage(String title, String text) {}

    private static final Map<String, InfoPage> INFO_PAGES = Map.of(
            "about",
            new InfoPage(
                    "About us",
                    "The Harbour Ledger is a fictional daily newspaper. It exists so that news-monitoring software"
                            + " can be demonstrated and tested without touching anybody else's content."),
            "contact",
            new InfoPage(
                    "Contact",
                    "The newsroom can be reached at newsdesk@harbour-ledger.invalid. Corrections are published at"
                            + " the foot of the article concerned."),
            "privacy",
            new InfoPage(
                    "Privacy notice",
                    "This demonstration site stores no personal data. The cookie banner, newsletter form and"
                            + " comment form are decoration and send nothing anywhere."),
            "terms",
            new InfoPage(
                    "Terms of use",
                    "All articles, people and companies on this site are invented. Any resemblance to real events"
                            + " in November 2026 is coincidental."));

    private final NewsroomCatalog catalog;
    private final SiteUrls urls;
    private final PageLayout layout;
    private final ArticlePage articlePage;
    private final ArticleMeta articleMeta;

    public NewsroomPages(NewsroomCatalog catalog, URI baseUri) {
        this.catalog = catalog;
        this.urls = new SiteUrls(baseUri);
        this.layout = new PageLayout(catalog);
        this.articlePage = new ArticlePage(catalog, urls);
        this.articleMeta = new ArticleMeta(urls);
    }

    /** The front page: the newest story as lead, then every headline grouped by section. */
    public String frontPage() {
        NewsroomArticle lead = catalog.articles().get(0);
        StringBuilder main = new StringBuilder("<div class=\"content\">\n<section class=\"lead-story\">\n")
                .append(Fragments.figure(lead))
                .append("<h2>")
                .append(link(lead.path(), lead.title()))
                .append("</h2>\n<p class=\"standfirst\">")
                .append(escape(lead.description()))
                .append("</p>\n")
                .append(Fragments.byline(lead))
                .append("</section>\n");
        for (String section : catalog.sections()) {
            main.append("<section class=\"section-block section-%s\">\n<h2>%s</h2>\n"
                            .formatted(section, link(SiteUrls.section(section), Markup.label(section))))
                    .append(Fragments.teasers(catalog.inSection(section), false))
                    .append("</section>\n");
        }
        main.append("</div>\n").append(Fragments.sidebar(catalog, null));
        String meta = ArticleMeta.property("og:site_name", PageLayout.SITE_NAME)
                + ArticleMeta.property("og:type", "website")
                + ArticleMeta.property("og:title", PageLayout.SITE_NAME)
                + ArticleMeta.property("og:url", urls.absolute("/"));
        return layout.render(
                new PageLayout.Head(
                        "en",
                        "World, business and science news",
                        "Independent world, business and science reporting from The Harbour Ledger.",
                        urls.absolute("/"),
                        meta),
                "front-page",
                main.toString());
    }

    /** The index page of one section, or empty if there is no such section. */
    public Optional<String> sectionPage(String section) {
        if (!catalog.sections().contains(section)) {
            return Optional.empty();
        }
        String label = Markup.label(section);
        String feed = SiteUrls.sectionFeed(section);
        String main = """
            <div class="content">
            %s<h1 class="section-title">%s</h1>
            %s<p class="section-feed"><a href="%s">Follow %s by RSS</a></p>
            </div>
            %s\
            """.formatted(
                        Fragments.breadcrumbs(List.of(Fragments.HOME), label),
                        label,
                        Fragments.teasers(catalog.inSection(section), true),
                        feed,
                        label,
                        Fragments.sidebar(catalog, null));
        String alternate = "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"%s - %s\" href=\"%s\">\n"
                .formatted(PageLayout.SITE_NAME, label, feed);
        return Optional.of(layout.render(
                new PageLayout.Head(
                        "en",
                        label,
                        "The latest " + section + " news from The Harbour Ledger.",
                        urls.absolute(SiteUrls.section(section)),
                        alternate),
                "section-page section-" + section,
                main));
    }

    /** The full article page with its metadata, body and all the surrounding site furniture. */
    public String articlePage(NewsroomArticle article) {
        return layout.render(
                new PageLayout.Head(
                        article.language(),
                        article.title(),
                        article.description(),
                        urls.absolute(article.path()),
                        articleMeta.render(article)),
                "article-page section-" + article.section(),
                articlePage.render(article));
    }

    /** All articles by one reporter, or empty if nobody writes under that URL segment. */
    public Optional<String> authorPage(String authorSlug) {
        List<NewsroomArticle> articles = catalog.articles().stream()
                .filter(article -> Markup.slug(article.author()).equals(authorSlug))
                .toList();
        return articles.stream()
                .map(NewsroomArticle::author)
                .findFirst()
                .map(author -> listingPage(author, "Stories by " + author, SiteUrls.author(author), articles));
    }

    /** All articles carrying one tag, or empty if no article does. */
    public Optional<String> tagPage(String tagSlug) {
        List<NewsroomArticle> articles = catalog.articles().stream()
                .filter(article ->
                        article.tags().stream().anyMatch(tag -> Markup.slug(tag).equals(tagSlug)))
                .toList();
        return articles.stream()
                .flatMap(article -> article.tags().stream())
                .filter(tag -> Markup.slug(tag).equals(tagSlug))
                .findFirst()
                .map(tag -> listingPage(tag, "Stories tagged " + tag, SiteUrls.tag(tag), articles));
    }

    /** One of the small pages linked from the footer: about, contact, privacy or terms. */
    public Optional<String> infoPage(String name) {
        return Optional.ofNullable(INFO_PAGES.get(name))
                .map(page -> layout.render(
                        new PageLayout.Head("en", page.title(), page.text(), urls.absolute("/" + name), ""),
                        "info-page",
                        "<div class=\"content\">\n<h1>%s</h1>\n<p>%s</p>\n</div>\n"
                                .formatted(escape(page.title()), escape(page.text()))));
    }

    /** The body of the 404 response. */
    public String notFoundPage(String path) {
        String sections = catalog.sections().stream()
                .map(section -> "<li>" + link(SiteUrls.section(section), Markup.label(section)) + "</li>\n")
                .collect(joining());
        String main = """
            <div class="content">
            <h1>Page not found</h1>
            <p>Sorry, we could not find <code>%s</code>. It may have been moved, or it never existed.</p>
            <p>Try one of our sections instead:</p>
            <ul>
            %s</ul>
            </div>
            """.formatted(escape(path), sections);
        return layout.render(
                new PageLayout.Head(
                        "en",
                        "Page not found",
                        "Page not found",
                        urls.absolute("/"),
                        "<meta name=\"robots\" content=\"noindex\">\n"),
                "error-page",
                main);
    }

    private String listingPage(String heading, String description, String path, List<NewsroomArticle> articles) {
        String main = "<div class=\"content\">\n%s<h1>%s</h1>\n%s</div>\n%s"
                .formatted(
                        Fragments.breadcrumbs(List.of(Fragments.HOME), heading),
                        escape(heading),
                        Fragments.teasers(articles, true),
                        Fragments.sidebar(catalog, null));
        return layout.render(
                new PageLayout.Head("en", heading, description, urls.absolute(path), ""), "listing-page", main);
    }
}
