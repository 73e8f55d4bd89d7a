package io.newsmon.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Text taken from a page (attributes, titles, script data) made safe to match against: whitespace runs
 * collapsed and the result clipped, in one linear pass, before any regular expression sees it. A page
 * can put megabytes into one attribute; no headline, date or name needs more than a few hundred characters.
 */
final class PageText {

    /** Longest headline kept (the article column holds 1,000 characters). */
    static final int MAX_TITLE = 1000;
    /** Longest meta value kept (descriptions are the longest that are used). */
    static final int MAX_META = 4000;
    /** Longest class or id string read for hints. */
    static final int MAX_HINT = 300;
    /** Longest URL read for a date in its path. */
    static final int MAX_URL = 2048;
    /** Longest JSON-LD script text scanned by the metadata patterns. */
    static final int MAX_SCRIPT = 256 * 1024;

    private PageText() {}

    /**
     * {@code s} with every run of whitespace (including no-break spaces) turned into one space, stripped,
     * and cut at {@code max} characters (never inside a surrogate pair); null stays null.
     */
    static String normalized(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        boolean space = false;
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
                if (out.length() >= max) {
                    break;
                }
            }
            out.append(c);
        }
        int end = out.length(); // never more than max: the loop stops there
        if (end > 0 && Character.isHighSurrogate(out.charAt(end - 1))) {
            end--;
        }
        out.setLength(end);
        return out.toString().strip();
    }

    /** The first {@code max} characters of {@code s}, for patterns that need its layout kept. */
    static String clipped(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /**
     * The normalised text of {@code e}, read only until it is longer than {@code max} characters: unlike
     * {@link Element#text()}, this does not copy a whole subtree to learn that it is long.
     */
    static String textUpTo(Element e, int max) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(
                (node, depth) -> {
                    if (node instanceof TextNode t) {
                        sb.append(clipped(t.getWholeText(), max + 1 - Math.min(sb.length(), max)));
                    } else if (node instanceof Element el
                            && (el.isBlock() || el.tagName().equals("br"))) {
                        sb.append(' '); // as text() separates blocks
                    }
                    return sb.length() > 2 * max + 2 ? NodeFilter.FilterResult.STOP : NodeFilter.FilterResult.CONTINUE;
                },
                e);
        return normalized(sb.toString(), max + 1);
    }

    /**
     * The length of {@code e}'s text with whitespace runs counted as one character, as {@link
     * Element#text()} would give it, counted only up to {@code cap}.
     */
    static int textLength(Element e, int cap) {
        int[] n = {0};
        NodeTraversor.filter(
                (node, depth) -> {
                    if (node instanceof TextNode t) {
                        String s = t.getWholeText();
                        boolean space = false;
                        for (int i = 0; i < s.length() && n[0] < cap; i++) {
                            boolean white = Character.isWhitespace(s.charAt(i));
                            if (!white || !space) {
                                n[0]++;
                            }
                            space = white;
                        }
                    }
                    return n[0] >= cap ? NodeFilter.FilterResult.STOP : NodeFilter.FilterResult.CONTINUE;
                },
                e);
        return Math.min(n[0], cap);
    }
}
