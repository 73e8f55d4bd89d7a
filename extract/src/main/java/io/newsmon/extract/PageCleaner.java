package io.newsmon.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;

/**
 * Removes from a page body what is never article text: scripts and widgets, hidden nodes, page
 * chrome (navigation, headers, footers, asides) and blocks whose class or id names them as
 * boilerplate (comments, share bars, related links, newsletter boxes, cookie banners, ads).
 */
final class PageCleaner {

    private static final String NEVER_TEXT = "script, style, noscript, template, iframe, svg, canvas, object, embed,"
            + " button, select, input, textarea, nav, footer, aside, header, figure, figcaption, picture, video,"
            + " audio, map, dialog, menu";

    /** Words in a class or id that mark a block as boilerplate. */
    private static final Pattern UNLIKELY = Pattern.compile(
            "(^|[-_ ])(ad|ads|adv|advert|advertisement|ad-slot|sponsor|sponsored|promo|promoted|banner|breadcrumbs?"
                    + "|cookies?|consent|gdpr|comments?|disqus|respond|replies|share|sharing|social|sharebar|related"
                    + "|recommended|recirc|more-stories|most-read|mostread|popular|trending|newsletter|subscribe"
                    + "|subscription|signup|sign-up|paywall|sidebar|footer|masthead|navbar|nav|menu|pagination"
                    + "|pager|toolbar|tags|tag-list|author-bio|byline|credits?|caption|modal|popup|overlay|skip"
                    + "|print-only|visually-hidden|sr-only|screen-reader-text|hidden|jump-link|read-more|readmore"
                    + "|outbrain|taboola|rss|login|registration|gallery-nav|video-player|playlist)($|[-_ ])",
            Pattern.CASE_INSENSITIVE);

    /** Words that keep a block even when it also carries an unlikely word ("article-share-wrapper" stays out). */
    private static final Pattern LIKELY = Pattern.compile(
            "(^|[-_ ])(article|articlebody|article-body|body|content|entry|entry-content|main|post|post-body"
                    + "|post-content|story|story-body|text|blog|page)($|[-_ ])",
            Pattern.CASE_INSENSITIVE);

    private PageCleaner() {}

    static void clean(Element body) {
        body.select(NEVER_TEXT).remove();
        removeComments(body);
        // a wrapper named for a sticky sidebar or an ad slot may still hold the whole article
        int pageText = body.text().length();
        List<Element> doomed = new ArrayList<>();
        int share = (int) Math.ceil(pageText * 0.4);
        for (Element e : body.getAllElements()) {
            ExtractionBudget.check();
            if (e == body) {
                continue;
            }
            // lengths are counted only as far as the threshold: text() would copy each nested subtree
            if (isHidden(e) || isUnlikely(e) && PageText.textLength(e, share) < share) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            e.remove();
        }
        // forms that only ask for an e-mail address or a search are widgets; ASP.NET pages wrap everything in one
        for (Element form : body.select("form")) {
            ExtractionBudget.check();
            if (PageText.textLength(form, 300) < 300) {
                Element box = form.parent();
                form.remove();
                // the pitch beside a sign-up form ("Get the morning briefing in your inbox") goes with it
                if (box != null && box != body && isSmallBox(box)) {
                    box.remove();
                }
            }
        }
    }

    private static boolean isSmallBox(Element box) {
        String tag = box.tagName();
        return (tag.equals("div") || tag.equals("section"))
                && box.children().size() <= 3
                && PageText.textLength(box, 200) < 200;
    }

    /**
     * A gallery is three or more captioned figures side by side; on a page whose text alone is weak the
     * captions are the story. Turns each such figure into a paragraph of its caption (run before
     * {@link #clean}, which drops figures); true when the page had a gallery.
     */
    static boolean keepGalleryCaptions(Element body) {
        boolean found = false;
        for (Element gallery : body.select(":has(> figure figcaption)")) {
            ExtractionBudget.check();
            List<Element> figures = new ArrayList<>();
            for (Element child : gallery.children()) {
                if (child.tagName().equals("figure") && child.selectFirst("figcaption") != null) {
                    figures.add(child);
                }
            }
            if (figures.size() < 3) {
                continue;
            }
            found = true;
            for (Element figure : figures) {
                Element caption = figure.selectFirst("figcaption");
                for (Element credit : caption.getAllElements()) {
                    if (credit != caption && isUnlikely(credit)) {
                        credit.remove();
                    }
                }
                figure.replaceWith(new Element("p").appendChildren(caption.childNodesCopy()));
            }
        }
        return found;
    }

    private static boolean isHidden(Element e) {
        if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) && PageText.textLength(e, 200) < 200) {
            return true;
        }
        String style = PageText.clipped(e.attr("style"), 2000).replace(" ", "").toLowerCase(Locale.ROOT);
        return style.contains("display:none") || style.contains("visibility:hidden");
    }

    private static boolean isUnlikely(Element e) {
        String tag = e.tagName();
        if (tag.equals("article") || tag.equals("main") || tag.equals("body") || tag.equals("a")) {
            return false;
        }
        String hints = PageText.clipped(e.className(), PageText.MAX_HINT) + " "
                + PageText.clipped(e.id(), PageText.MAX_HINT) + " " + PageText.clipped(e.attr("role"), 40);
        if (hints.isBlank()) {
            return false;
        }
        if ("navigation".equals(e.attr("role")) || "complementary".equals(e.attr("role"))) {
            return true;
        }
        String words = hints.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return UNLIKELY.matcher(words).find() && !LIKELY.matcher(words).find();
    }

    /** Iterative, so that a page nested 10,000 levels deep cannot overflow the stack. */
    private static void removeComments(Element root) {
        List<Node> comments = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    ExtractionBudget.check();
                    if (node instanceof Comment) {
                        comments.add(node);
                    }
                },
                root);
        comments.forEach(Node::remove);
    }
}
