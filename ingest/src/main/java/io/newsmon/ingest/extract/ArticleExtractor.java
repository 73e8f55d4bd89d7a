package io.newsmon.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A first, simple article extractor: drops page chrome by tag and by class/id hints, picks the
 * element holding the most paragraph text, and keeps its headings, paragraphs, quotes and list
 * items in order, skipping link-heavy blocks. It is the baseline the extraction work replaces.
 */
public class ArticleExtractor {

    private static final String CHROME_TAGS =
            "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, figure";
    private static final Pattern BOILERPLATE = Pattern.compile(
            "comment|cookie|consent|share|social|related|newsletter|subscribe|promo|sidebar|most-?read|"
                    + "breadcrumb|ticker|tags|footer|masthead|menu|advert|banner|popup|modal|byline|caption",
            Pattern.CASE_INSENSITIVE);
    private static final String BLOCKS = "p, h2, h3, h4, blockquote, li, pre";

    /** Extracts from raw bytes, honouring a declared charset, else the page's BOM or {@code <meta>}. */
    public ExtractedArticle extract(byte[] html, String declaredCharset, String baseUri) {
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(html), charsetOrNull(declaredCharset), baseUri));
        } catch (IOException e) {
            // reading from a byte array only fails on an undecodable charset: fall back to UTF-8
            return extract(new String(html, StandardCharsets.UTF_8), baseUri);
        }
    }

    public ExtractedArticle extract(String html, String baseUri) {
        return extract(Jsoup.parse(html, baseUri));
    }

    private ExtractedArticle extract(Document doc) {
        String title = PageMetadata.title(doc);
        ExtractedArticle meta = new ExtractedArticle(
                title,
                null,
                PageMetadata.authors(doc),
                PageMetadata.published(doc),
                PageMetadata.language(doc),
                PageMetadata.canonical(doc),
                PageMetadata.description(doc));
        Element body = doc.body();
        body.select(CHROME_TAGS).remove();
        for (Element e : new ArrayList<>(body.getAllElements())) {
            if (e != body && e.parent() != null && isBoilerplate(e)) {
                e.remove();
            }
        }
        Element best = bestContainer(body);
        String text = best == null ? null : blocksText(best);
        return new ExtractedArticle(
                meta.title(),
                text,
                meta.authors(),
                meta.published(),
                meta.language(),
                meta.canonicalUrl(),
                meta.description());
    }

    private static boolean isBoilerplate(Element e) {
        String hints = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        if (hints.isBlank() || e.tagName().equals("article") || e.tagName().equals("main")) {
            return false;
        }
        return BOILERPLATE.matcher(hints).find()
                || "dialog".equals(e.attr("role"))
                || "navigation".equals(e.attr("role"));
    }

    /** The element whose direct paragraph children hold the most text; linear in the page size. */
    private static Element bestContainer(Element root) {
        Map<Element, Integer> scores = new IdentityHashMap<>();
        Element best = null;
        int bestScore = 0;
        for (Element p : root.select("p")) {
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            int score = scores.merge(parent, p.text().length(), Integer::sum);
            if (score > bestScore) {
                bestScore = score;
                best = parent;
            }
        }
        return best;
    }

    private static String blocksText(Element container) {
        List<String> paragraphs = new ArrayList<>();
        for (Element block : container.select(BLOCKS)) {
            if (block.select(BLOCKS).size() > 1) {
                continue; // a wrapper (select includes the block itself): its inner blocks are taken one by one
            }
            String text = block.text().strip();
            if (text.isEmpty() || linkDensity(block, text) > 0.5) {
                continue;
            }
            paragraphs.add(text);
        }
        return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
    }

    private static double linkDensity(Element block, String text) {
        int linked = 0;
        for (Element a : block.select("a")) {
            linked += a.text().length();
        }
        return (double) linked / Math.max(1, text.length());
    }

    private static String charsetOrNull(String charset) {
        if (charset == null) {
            return null;
        }
        try {
            return Charset.forName(charset).name();
        } catch (RuntimeException e) {
            return null; // an unknown charset name: let the page's own declaration decide
        }
    }
}
