package io.newsmon.enrich.text;

import io.newsmon.domain.article.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPTC Media Topic top-level categories of an English article from cue words ({@code seeds}:
 * {@code categories/cue-words.tsv}): each cue found counts once per occurrence, three times in the title;
 * a category is kept when its score is at least {@value #MIN_SCORE} and at least half the best category's,
 * at most three, best first. A cue lexicon, not a trained model: there is no labelled news set here to
 * train or measure one on, and it costs well under a millisecond an article (a sentence-embedding model
 * would cost about 8 ms, a third of the enrichment budget).
 */
public final class Categorizer {

    static final double MIN_SCORE = 4;
    static final int MAX_CATEGORIES = 3;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*");
    private static final String CUES = "/io/newsmon/enrich/categories/cue-words.tsv";

    private final Map<String, List<Category>> exact = new HashMap<>();
    private final Map<String, List<Category>> prefixes = new HashMap<>();
    private final int shortestPrefix;

    private Categorizer(Map<Category, List<String>> cues) {
        int shortest = Integer.MAX_VALUE;
        for (Map.Entry<Category, List<String>> e : cues.entrySet()) {
            for (String cue : e.getValue()) {
                if (cue.endsWith("*")) {
                    String p = cue.substring(0, cue.length() - 1);
                    prefixes.computeIfAbsent(p, k -> new ArrayList<>(2)).add(e.getKey());
                    shortest = Math.min(shortest, p.length());
                } else {
                    exact.computeIfAbsent(cue, k -> new ArrayList<>(2)).add(e.getKey());
                }
            }
        }
        this.shortestPrefix = shortest == Integer.MAX_VALUE ? 1 : shortest;
    }

    private static final class Holder {
        static final Categorizer DEFAULT = load();
    }

    public static Categorizer standard() {
        return Holder.DEFAULT;
    }

    static Categorizer load() {
        InputStream in = Categorizer.class.getResourceAsStream(CUES);
        if (in == null) {
            throw new IllegalStateException(CUES + " is missing from the classpath (the seeds jar)");
        }
        Map<Category, List<String>> cues = new EnumMap<>(Category.class);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 2);
                Category c = Category.of(cols[0])
                        .orElseThrow(() -> new IllegalStateException("unknown category in " + CUES + ": " + cols[0]));
                cues.put(c, List.of(cols[1].strip().split("\\s+")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Categorizer(cues);
    }

    /** The article's categories, best first (slugs such as {@code politics}); empty when no cue is strong enough. */
    public List<String> categorize(String title, String body) {
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        count(title, 3, scores);
        count(body, 1, scores);
        double best =
                scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return scores.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SCORE && e.getValue() >= best / 2)
                .sorted(Map.Entry.<Category, Double>comparingByValue().reversed())
                .limit(MAX_CATEGORIES)
                .map(e -> e.getKey().slug)
                .toList();
    }

    private void count(String text, double weight, Map<Category, Double> scores) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            List<Category> hit = exact.get(word);
            if (hit == null) {
                hit = prefixHit(word);
            }
            if (hit != null) {
                for (Category c : hit) {
                    scores.merge(c, weight, Double::sum);
                }
            }
        }
    }

    /** The categories of the longest cue prefix of {@code word}, or null. */
    private List<Category> prefixHit(String word) {
        for (int end = word.length(); end >= shortestPrefix; end--) {
            List<Category> hit = prefixes.get(word.substring(0, end));
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }
}
