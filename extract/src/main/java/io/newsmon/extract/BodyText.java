package io.newsmon.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders the article's elements as plain text, one paragraph per block (paragraphs, headings, list
 * items, quotes), dropping blocks that are mostly links and the stock phrases of page furniture.
 */
final class BodyText {

    /** Where a block ends: every block tag, plus two old ones that still break lines. */
    private static final Set<String> BREAKS = union(ContentScorer.BLOCK_TAGS, Set.of("address", "center"));

    /** Lines that are page furniture wherever they appear. */
    private static final Pattern FURNITURE = Pattern.compile(
            "(advertisement|advertising|ad|sponsored( content)?|story continues below( advertisement)?|continue reading"
                    + "( below)?|read more|read next|share( this( article| story)?)?|share on \\w+|click here.*|"
                    + "(related|recommended)( articles| stories| content)?|see also|image|photo|getty images|"
                    + "sign up.*newsletter.*|subscribe.*|follow us.*|loading\\W*|skip to (main )?content|"
                    + "comments?|leave a (comment|reply)|\\d+ comments?|print|email|tweet|close|menu|back to top|"
                    + "(image|photo|picture|slide) \\d+ (of|/) \\d+)"
                    + "\\W*",
            Pattern.CASE_INSENSITIVE);

    private BodyText() {}

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static final Pattern BYLINE =
            Pattern.compile("^(by|por|par|von|di|door|af)\\s+\\p{Lu}.*", Pattern.CASE_INSENSITIVE);
    /** A block that is only a clock time, as live blogs stamp each entry: "09:02", "9.45am", "18:30 GMT". */
    private static final Pattern TIME_STAMP =
            Pattern.compile("\\d{1,2}[:.]\\d{2}(\\s?[ap]\\.?m\\.?)?(\\s?[A-Z]{2,4})?", Pattern.CASE_INSENSITIVE);

    private static final int EDGE = 3;

    /** One rendered block, whether it was a heading, and whether it was quoted ({@code <blockquote>}). */
    record Block(String text, boolean heading, boolean quoted) {}

    static String render(List<Element> elements, String title) {
        List<Block> blocks = new ArrayList<>();
        for (Element e : elements) {
            collect(e, blocks);
        }
        List<Block> kept = withoutEchoes(trimEdges(blocks, title));
        // a heading with nothing after it introduced a box whose links were dropped ("More stories")
        while (!kept.isEmpty() && kept.get(kept.size() - 1).heading()) {
            kept.remove(kept.size() - 1);
        }
        List<String> text = new ArrayList<>(kept.size());
        kept.forEach(b -> text.add(b.text()));
        return String.join("\n\n", text);
    }

    /**
     * Containers often start or end with what surrounds the story rather than the story: the headline
     * again, a byline, a date line, a photo credit. Only the first and last few blocks are examined; on a
     * short body only the surest signs (date lines and bylines) count.
     */
    static List<Block> trimEdges(List<Block> blocks, String title) {
        String headline = title == null ? null : normalize(title);
        List<Block> kept = new ArrayList<>();
        boolean longBody = blocks.size() > 2 * EDGE;
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i).text();
            if (headline != null && normalize(block).equals(headline)) {
                continue;
            }
            if (TIME_STAMP.matcher(block).matches()) {
                continue;
            }
            boolean edge = i < EDGE || i >= blocks.size() - EDGE;
            if (edge && isFurnitureAtEdge(block, i < EDGE, longBody || i == 0 && blocks.size() > 1)) {
                continue;
            }
            kept.add(blocks.get(i));
        }
        return kept;
    }

    /**
     * Drops pull quotes: a short quoted block whose words all but repeat those of a longer block of the same
     * body (the page shows the sentence twice; the reader reads it once).
     */
    static List<Block> withoutEchoes(List<Block> blocks) {
        List<Block> kept = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            if (!b.quoted() || b.text().length() > 300 || !echoes(b, blocks)) {
                kept.add(b);
            }
        }
        return kept;
    }

    private static boolean echoes(Block quote, List<Block> blocks) {
        List<String> words = words(quote.text());
        if (words.size() < 6) {
            return false;
        }
        for (Block other : blocks) {
            if (other == quote || other.text().length() <= quote.text().length()) {
                continue;
            }
            Set<String> in = new java.util.HashSet<>(words(other.text()));
            long found = words.stream().filter(in::contains).count();
            if (found >= 0.8 * words.size()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean isFurnitureAtEdge(String block, boolean leading, boolean creditsToo) {
        if (block.length() > 300) {
            return false; // a date line, byline or credit is short; and the patterns below need not see more
        }
        int words = block.split("\\s+").length;
        if (words <= 12 && DateText.find(block).isPresent() && !block.endsWith(".")) {
            return true; // "Updated 11:21 pm, Tuesday, November 19, 2019"
        }
        if (words <= 10 && BYLINE.matcher(block).matches()) {
            return true;
        }
        // "Associated Press", "ITV, ASSOCIATED PRESS": a credit line of capitalised words
        return creditsToo
                && leading
                && words <= 4
                && block.chars().noneMatch(c -> c == '.' || c == '?' || c == '!')
                && java.util.Arrays.stream(block.split("[\\s,]+"))
                        .allMatch(w -> w.isEmpty() || Character.isUpperCase(w.charAt(0)));
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Punct}\\s‘’“”]+", " ")
                .strip();
    }

    private static void collect(Element root, List<Block> out) {
        Collector collector = new Collector(out);
        NodeTraversor.traverse(collector, root);
        collector.flush();
    }

    /** Gathers text into the current block and flushes it at every block boundary. */
    private static final class Collector implements NodeVisitor {
        private final List<Block> out;
        private final StringBuilder text = new StringBuilder();
        private int linkDepth;
        private int linkedChars;
        private int headingDepth;
        private int quoteDepth;
        private boolean heading;

        Collector(List<Block> out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            ExtractionBudget.check();
            if (node instanceof TextNode t) {
                String s = t.text();
                if (!s.isBlank() || text.length() > 0 && !Character.isWhitespace(text.charAt(text.length() - 1))) {
                    text.append(s);
                    if (linkDepth > 0) {
                        linkedChars += s.strip().length();
                    }
                }
            } else if (node instanceof Element e) {
                String tag = e.tagName();
                if (BREAKS.contains(tag)) {
                    flush();
                }
                if (tag.equals("a")) {
                    linkDepth++;
                }
                if (tag.equals("h1")) {
                    headingDepth++;
                }
                if (tag.equals("blockquote")) {
                    quoteDepth++;
                }
                if (tag.matches("h[2-6]")) {
                    heading = true;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.tagName();
                if (tag.equals("a")) {
                    linkDepth--;
                }
                if (BREAKS.contains(tag)) {
                    flush();
                }
                if (tag.equals("h1")) {
                    headingDepth--;
                }
                if (tag.equals("blockquote")) {
                    quoteDepth--;
                }
            }
        }

        void flush() {
            String block = text.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
            int linked = linkedChars;
            boolean isHeading = heading;
            text.setLength(0);
            linkedChars = 0;
            heading = false;
            if (block.isEmpty() || headingDepth > 0) {
                return;
            }
            double density = (double) linked / block.length();
            if (density > 0.5 && !isHeading || density > 0.3 && block.length() < 60 && !isHeading) {
                return;
            }
            if (block.length() < 60
                    && FURNITURE.matcher(block.toLowerCase(Locale.ROOT)).matches()) {
                return;
            }
            // a quote with a link is an embedded post quoted for itself, not a pull quote
            out.add(new Block(block, isHeading, quoteDepth > 0 && linked == 0));
        }
    }
}
