package io.newsmon.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the element that holds the article: every paragraph-like block votes for its ancestors by its
 * length and punctuation, ancestors are weighted by tag and class hints and discounted by link density,
 * and the winner's siblings that look like more of the same join it.
 */
final class ContentScorer {

    static final Set<String> BLOCK_TAGS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "blockquote",
            "pre",
            "ul",
            "ol",
            "li",
            "table",
            "tr",
            "td",
            "th",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "dl",
            "dt",
            "dd",
            "figure",
            "hr",
            "br",
            "header",
            "footer");

    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|main|page|post|text|blog|story|paragraph|prose|rich-?text",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo"
                    + "|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser"
                    + "|recirc|newsletter|subscribe",
            Pattern.CASE_INSENSITIVE);

    private final Map<Element, Double> scores = new IdentityHashMap<>();

    private ContentScorer() {}

    /** The elements holding the article text in document order, or an empty list when none stands out. */
    static List<Element> articleElements(Element body) {
        return new ContentScorer().select(body);
    }

    private List<Element> select(Element body) {
        for (Element block : paragraphs(body)) {
            ExtractionBudget.check();
            boolean textContainer = !block.tagName().equals("p")
                    && !block.tagName().equals("pre")
                    && !block.tagName().equals("td");
            String text = textContainer ? inlineText(block) : block.text();
            if (text.length() < 25) {
                continue;
            }
            double vote = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
            // a div that carries text itself is a container of the article, not a paragraph of it
            Element ancestor = textContainer ? block : block.parent();
            for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
                if (!scores.containsKey(ancestor)) {
                    scores.put(ancestor, initialScore(ancestor));
                }
                double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
                scores.merge(ancestor, vote * share, Double::sum);
            }
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            ExtractionBudget.check();
            double score = e.getValue() * (1 - linkDensity(e.getKey()));
            e.setValue(score);
            if (score > topScore) {
                topScore = score;
                top = e.getKey();
            }
        }
        if (top == null) {
            return List.of();
        }
        return withSiblings(joinCousins(top, topScore), topScore);
    }

    /**
     * A body spread over containers that are not siblings (each part wrapped at its own depth, an ad
     * between them) scores as several candidates made from one template: the same tag and class. Strong
     * candidates of the winner's kind near it are joined by taking their closest common ancestor, as long
     * as that ancestor holds little besides them.
     */
    private Element joinCousins(Element top, double topScore) {
        List<Element> parts = new ArrayList<>();
        parts.add(top);
        Element joined = top;
        int partsText = PageText.textLength(top, Integer.MAX_VALUE);
        List<Map.Entry<Element, Double>> strong = new ArrayList<>();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getKey() != top && e.getValue() >= COUSIN_SHARE * topScore) {
                strong.add(e);
            }
        }
        strong.sort(Map.Entry.<Element, Double>comparingByValue().reversed());
        for (Map.Entry<Element, Double> e : strong) {
            ExtractionBudget.check();
            Element cousin = e.getKey();
            if (isWithin(cousin, joined) || isWithin(joined, cousin)) {
                continue;
            }
            int cousinText = PageText.textLength(cousin, Integer.MAX_VALUE);
            if (!sameKind(cousin, top) || cousinText < 120 || linkDensity(cousin) > 0.25 || !readsLikeProse(cousin)) {
                continue;
            }
            Element ancestor = commonAncestor(joined, cousin);
            if (ancestor == null || ancestor.tagName().equals("body") || depthBelow(joined, ancestor) > 4) {
                continue;
            }
            int together = partsText + cousinText;
            int held = PageText.textLength(ancestor, together * 2);
            if (held <= together * 1.15 + 100) {
                joined = ancestor;
                partsText = together;
            }
        }
        return joined;
    }

    private static boolean sameKind(Element a, Element b) {
        return !a.className().isBlank()
                && a.tagName().equals(b.tagName())
                && a.className().equals(b.className());
    }

    /**
     * Paragraphs of a story run long; the one-line teasers of a grid of cards do not. True when the
     * element's paragraphs average at least 80 characters.
     */
    private static boolean readsLikeProse(Element e) {
        int paragraphs = 0;
        int chars = 0;
        for (Element p : e.select("p")) {
            paragraphs++;
            chars += PageText.textLength(p, 1000);
        }
        return paragraphs > 0 && chars >= 80 * paragraphs;
    }

    /** How strong a candidate must be, against the winner, to be joined with it. */
    private static final double COUSIN_SHARE = 0.4;

    private static boolean isWithin(Element e, Element container) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }

    private static Element commonAncestor(Element a, Element b) {
        java.util.Set<Element> up = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element p = a; p != null; p = p.parent()) {
            up.add(p);
        }
        for (Element p = b; p != null; p = p.parent()) {
            if (up.contains(p)) {
                return p;
            }
        }
        return null;
    }

    private static int depthBelow(Element e, Element ancestor) {
        int depth = 0;
        for (Element p = e; p != null && p != ancestor; p = p.parent()) {
            depth++;
        }
        return depth;
    }

    /**
     * p, pre and td, and divs that carry text themselves: sites that write paragraphs as divs, or as
     * text runs separated by {@code <br>} or empty divs.
     */
    private static List<Element> paragraphs(Element body) {
        List<Element> out = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            ExtractionBudget.check();
            String tag = e.tagName();
            if (tag.equals("p") || tag.equals("pre") || tag.equals("td")) {
                out.add(e);
            } else if ((tag.equals("div") || tag.equals("section"))
                    && inlineText(e).length() >= 25) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text an element carries outside its block children: its own text runs and inline markup. */
    static String inlineText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                sb.append(t.text());
            } else if (child instanceof Element c && !BLOCK_TAGS.contains(c.tagName())) {
                sb.append(c.text());
            }
        }
        return sb.toString().strip();
    }

    private List<Element> withSiblings(Element top, double topScore) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(10, topScore * 0.2);
        String topClass = top.className();
        List<Element> picked = new ArrayList<>();
        for (Element sibling : parent.children()) {
            ExtractionBudget.check();
            if (sibling == top) {
                picked.add(sibling);
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? topScore * 0.2 : 0;
            Double score = scores.get(sibling);
            if (score != null && score + bonus >= threshold) {
                picked.add(sibling);
            } else if (sibling.tagName().equals("p")) {
                String text = sibling.text();
                double density = linkDensity(sibling);
                if (text.length() > 80 && density < 0.25
                        || text.length() > 0 && text.length() <= 80 && density == 0 && text.matches(".*\\.( |$).*")) {
                    picked.add(sibling);
                }
            }
        }
        return picked;
    }

    private static double initialScore(Element e) {
        double score = switch (e.tagName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (e.tagName().equals("article")) {
            score += 10;
        }
        if ("articleBody".equals(e.attr("itemprop"))) {
            score += 25; // the page itself says where the body is
        }
        return score + classWeight(e);
    }

    private static double classWeight(Element e) {
        double weight = 0;
        for (String hint : new String[] {
            PageText.clipped(e.className(), PageText.MAX_HINT), PageText.clipped(e.id(), PageText.MAX_HINT)
        }) {
            if (hint.isEmpty()) {
                continue;
            }
            String h = hint.toLowerCase(Locale.ROOT);
            if (NEGATIVE.matcher(h).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(h).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : e.select("a")) {
            linked += a.text().length();
        }
        return Math.min(1, (double) linked / total);
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }
}
