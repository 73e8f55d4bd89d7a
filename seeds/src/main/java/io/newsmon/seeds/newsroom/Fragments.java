package io.newsmon.seeds.newsroom;

import static io.newsmon.seeds.newsroom.Markup.escape;
import static java.util.stream.Collectors.joining;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/** HTML snippets shared by several page types: breadcrumbs, bylines, teasers, lead images and the sidebar. */
final class Fragments {

    /** One step of a breadcrumb trail. */
    record Crumb(String href, String label) {}

    static final Crumb HOME = new Crumb("/", "Home");

    private Fragments() {}

    static String link(String href, String text) {
        return "<a href=\"%s\">%s</a>".formatted(escape(href), escape(text));
    }

    static String time(OffsetDateTime time) {
        return "<time datetime=\"%s\">%s</time>".formatted(NewsDates.iso(time), NewsDates.display(time));
    }

    static String breadcrumbs(List<Crumb> trail, String current) {
        String links = trail.stream()
                .map(crumb -> "<li>" + link(crumb.href(), crumb.label()) + "</li>\n")
                .collect(joining());
        return """
            <nav class="breadcrumbs" aria-label="Breadcrumb">
            <ol>
            %s<li aria-current="page">%s</li>
            </ol>
            </nav>
            """.formatted(links, escape(current));
    }

    static String byline(NewsroomArticle article) {
        return """
            <p class="byline">By <a rel="author" class="author" href="%s">%s</a>, \
            <span class="dateline">%s</span> &middot; %s</p>
            """.formatted(
                        SiteUrls.author(article.author()),
                        escape(article.author()),
                        escape(article.dateline()),
                        time(article.published()));
    }

    static String figure(NewsroomArticle article) {
        return """
            <figure class="lead-image">
            <img src="%s" alt="%s" width="1200" height="675">
            <figcaption>%s <span class="credit">Illustration: %s</span></figcaption>
            </figure>
            """.formatted(
                SiteUrls.image(article), escape(article.caption()), escape(article.caption()), PageLayout.SITE_NAME);
    }

    static String teasers(List<NewsroomArticle> articles, boolean withStandfirst) {
        StringBuilder html = new StringBuilder("<ul class=\"teasers\">\n");
        for (NewsroomArticle article : articles) {
            String standfirst =
                    withStandfirst ? "<p class=\"standfirst\">" + escape(article.description()) + "</p>\n" : "";
            html.append("""
                <li class="teaser">
                <h3>%s</h3>
                %s<p class="teaser-meta">%s</p>
                </li>
                """.formatted(link(article.path(), article.title()), standfirst, time(article.published())));
        }
        return html.append("</ul>\n").toString();
    }

    /** The right-hand column: a "Most read" list and an advertisement. */
    static String sidebar(NewsroomCatalog catalog, NewsroomArticle current) {
        String mostRead = catalog.articles().stream()
                .filter(article -> article != current)
                .sorted(Comparator.comparingInt(Fragments::readership).reversed())
                .limit(5)
                .map(article -> "<li>" + link(article.path(), article.title()) + "</li>\n")
                .collect(joining());
        return """
            <aside class="sidebar">
            <section class="most-read" aria-label="Most read">
            <h2>Most read</h2>
            <ol>
            %s</ol>
            </section>
            <div class="ad-slot" aria-label="Advertisement">
            <p class="ad-label">Advertisement</p>
            <p>Harbourside Apartments: waterfront living from the low 400s. Book a viewing today.</p>
            </div>
            </aside>
            """.formatted(mostRead);
    }

    // A stable stand-in for page views so that the "Most read" box does not change between runs.
    private static int readership(NewsroomArticle article) {
        return Math.floorMod(article.slug().hashCode() * 31 + article.title().length(), 50_000);
    }
}
