package io.newsmon.api.alert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A short excerpt of an article with the topic's matched terms marked, as parts a template can escape. */
public final class Snippet {

    /** A run of text, marked when it is a matched term. */
    public record Part(String text, boolean mark) {}

    static final int LENGTH = 240;

    private Snippet() {}

    /**
     * The excerpt of {@code text} around the first matched term (or its start), about {@link #LENGTH}
     * characters, cut at word boundaries. {@code terms} is topic_match.matched_terms (space-separated query
     * terms, possibly with wildcards); {@code prefix} also marks longer word forms (stemmed topics).
     */
    public static List<Part> of(String text, String terms, boolean prefix) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        Pattern pattern = pattern(terms, prefix);
        int from = 0;
        if (pattern != null) {
            Matcher first = pattern.matcher(flat);
            if (first.find() && first.start() > LENGTH / 3) {
                from = flat.lastIndexOf(' ', first.start() - LENGTH / 3) + 1;
            }
        }
        int to = Math.min(flat.length(), from + LENGTH);
        if (to < flat.length()) {
            int space = flat.lastIndexOf(' ', to);
            to = space > from ? space : to;
        }
        String excerpt = (from > 0 ? "…" : "") + flat.substring(from, to) + (to < flat.length() ? " …" : "");
        List<Part> parts = new ArrayList<>();
        if (pattern == null) {
            parts.add(new Part(excerpt, false));
            return parts;
        }
        Matcher m = pattern.matcher(excerpt);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(new Part(excerpt.substring(last, m.start()), false));
            }
            parts.add(new Part(m.group(), true));
            last = m.end();
        }
        if (last < excerpt.length()) {
            parts.add(new Part(excerpt.substring(last), false));
        }
        return parts;
    }

    private static Pattern pattern(String terms, boolean prefix) {
        if (terms == null || terms.isBlank()) {
            return null;
        }
        Set<String> alternatives = new LinkedHashSet<>();
        for (String term : terms.toLowerCase(Locale.ROOT).split("\\s+")) {
            String word = term.replaceAll("[^\\p{L}\\p{N}*?]", "");
            if (word.replaceAll("[*?]", "").isEmpty()) {
                continue;
            }
            StringBuilder regex = new StringBuilder();
            for (String piece : word.split("(?=[*?])|(?<=[*?])")) {
                switch (piece) {
                    case "*" -> regex.append("[\\p{L}\\p{N}]*");
                    case "?" -> regex.append("[\\p{L}\\p{N}]");
                    default -> regex.append(Pattern.quote(piece));
                }
            }
            alternatives.add(regex + (prefix ? "[\\p{L}\\p{N}]*" : ""));
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
