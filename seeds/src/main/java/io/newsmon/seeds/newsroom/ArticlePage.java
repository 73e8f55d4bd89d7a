package io.newsmon.seeds.newsroom;

import static io.newsmon.seeds.newsroom.Fragments.link;
import static io.newsmon.seeds.newsroom.Markup.escape;
import static java.util.stream.Collectors.joining;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The main column of an article page: the story itself wrapped in share, tag, related and comment furniture. */
final class ArticlePage {

    private static final String NEWSLETTER = """
        <aside class="newsletter-signup" aria-label="Newsletter">
        <h2>Get the Morning Ledger</h2>
        <p>Our editors' pick of the stories that matter, in your inbox every weekday at 7am.</p>
        <form action="/newsletter" method="post">
        <label for="newsletter-email">Email address</label>
        <input type="email" id="newsletter-email" name="email" placeholder="you@example.com">
        <button type="submit">Sign up</button>
        </form>
        <p class="small">You can unsubscribe at any time. Read our <a href="/privacy">privacy notice</a>.</p>
        </aside>
        """;

    private static final String COMMENT_FORM = """
        <form class="comment-form" action="/comments" method="post">
        <label for="comment-text">Join the discussion</label>
        <textarea id="comment-text" name="text" rows="3"></textarea>
        <button type="submit">Post comment</button>
        </form>
        """;

    private final NewsroomCatalog catalog;
    private final SiteUrls urls;

    ArticlePage(NewsroomCatalog catalog, SiteUrls urls) {
        this.catalog = catalog;
        this.urls = urls;
    }

    String render(NewsroomArticle article) {
        String section = Markup.label(article.section());
        String sectionPath = SiteUrls.section(article.section());
        return """
            <div class="content">
            %s<article class="story">
            <header class="story-header">
            <p class="kicker">%s</p>
            <h1 class="headline">%s</h1>
            <p class="standfirst">%s</p>
            %s</header>
            %s%s%s%s</article>
            <section class="related" aria-label="Related articles">
            <h2>Related articles</h2>
            %s</section>
            %s</div>
            %s\
            """.formatted(
                        Fragments.breadcrumbs(
                                List.of(Fragments.HOME, new Fragments.Crumb(sectionPath, section)), article.title()),
                        link(sectionPath, section),
                        escape(article.title()),
                        escape(article.description()),
                        Fragments.byline(article),
                        Fragments.figure(article),
                        body(article),
                        shareBar(article),
                        tags(article),
                        Fragments.teasers(relatedTo(article), false),
                        comments(article),
                        Fragments.sidebar(catalog, article));
    }

    /** Three other stories, same section first, closest in time first. */
    List<NewsroomArticle> relatedTo(NewsroomArticle article) {
        Stream<NewsroomArticle> sameSection = catalog.articles().stream()
                .filter(other -> other != article && other.section().equals(article.section()))
                .sorted(closestTo(article));
        Stream<NewsroomArticle> elsewhere = catalog.articles().stream()
                .filter(other -> !other.section().equals(article.section()))
                .sorted(closestTo(article));
        return Stream.concat(sameSection, elsewhere).limit(3).toList();
    }

    // The read-more link and the newsletter box sit between paragraphs, where naive extractors pick them up.
    private String body(NewsroomArticle article) {
        List<String> paragraphs = article.paragraphs();
        int readMoreAfter = Math.min(2, paragraphs.size() - 1);
        int newsletterAfter = Math.max(readMoreAfter + 1, paragraphs.size() / 2 + 1);
        StringBuilder html = new StringBuilder("<div class=\"article-body\">\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            html.append("<p>").append(escape(paragraphs.get(i))).append("</p>\n");
            if (i + 1 == readMoreAfter) {
                NewsroomArticle other = readMore(article);
                html.append("<p class=\"read-more\"><strong>Read more:</strong> ")
                        .append(link(other.path(), other.title()))
                        .append("</p>\n");
            }
            if (i + 1 == newsletterAfter && i + 1 < paragraphs.size()) {
                html.append(NEWSLETTER);
            }
        }
        return html.append("</div>\n").toString();
    }

    private String shareBar(NewsroomArticle article) {
        String url = urls.absolute(article.path());
        String encodedUrl = URLEncoder.encode(url, StandardCharsets.UTF_8);
        String encodedTitle = URLEncoder.encode(article.title(), StandardCharsets.UTF_8);
        return """
            <div class="share-bar" aria-label="Share this article">
            <span>Share this article</span>
            <a class="share-facebook" href="%s">Facebook</a>
            <a class="share-x" href="%s">X</a>
            <a class="share-linkedin" href="%s">LinkedIn</a>
            <a class="share-email" href="%s">Email</a>
            <button type="button" class="share-copy" data-url="%s">Copy link</button>
            </div>
            """.formatted(
                        escape("https://www.facebook.com/sharer/sharer.php?u=" + encodedUrl),
                        escape("https://x.com/intent/post?url=" + encodedUrl + "&text=" + encodedTitle),
                        escape("https://www.linkedin.com/sharing/share-offsite/?url=" + encodedUrl),
                        escape("mailto:?subject=" + encodedTitle + "&body=" + encodedUrl),
                        escape(url));
    }

    private static String tags(NewsroomArticle article) {
        if (article.tags().isEmpty()) {
            return "";
        }
        String items = article.tags().stream()
                .map(tag -> "<li><a rel=\"tag\" href=\"%s\">%s</a></li>\n".formatted(SiteUrls.tag(tag), escape(tag)))
                .collect(joining());
        return "<div class=\"tags\">\n<h2>Topics</h2>\n<ul>\n" + items + "</ul>\n</div>\n";
    }

    private static String comments(NewsroomArticle article) {
        List<ReaderComments.Comment> comments = ReaderComments.forArticle(article);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < comments.size(); i++) {
            ReaderComments.Comment comment = comments.get(i);
            items.append("""
                <li class="comment" id="comment-%d">
                <div class="comment-meta"><span class="comment-author">%s</span> %s</div>
                <p class="comment-text">%s</p>
                <div class="comment-actions"><button type="button">Reply</button> \
                <button type="button">Report</button> <span class="likes">%d likes</span></div>
                </li>
                """.formatted(
                            i + 1,
                            escape(comment.name()),
                            Fragments.time(comment.posted()),
                            escape(comment.text()),
                            comment.likes()));
        }
        return """
            <section class="comments" id="comments" aria-label="Reader comments">
            <h2>Comments (%d)</h2>
            <p class="comments-policy">Comments are moderated. Please read our \
            <a href="/terms">community guidelines</a> before posting.</p>
            <ol class="comment-list">
            %s</ol>
            %s</section>
            """.formatted(comments.size(), items, COMMENT_FORM);
    }

    // Taken from another section so that the inline link leads the reader somewhere new.
    private NewsroomArticle readMore(NewsroomArticle article) {
        return catalog.articles().stream()
                .filter(other -> !other.section().equals(article.section()))
                .min(closestTo(article))
                .orElse(catalog.articles().get(0));
    }

    private static Comparator<NewsroomArticle> closestTo(NewsroomArticle article) {
        return Comparator.comparing(other ->
                Duration.between(other.published(), article.published()).abs());
    }
}
