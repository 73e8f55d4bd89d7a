package io.newsmon.extract.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extraction benchmark's metric: word 4-gram shingles compared as multisets, per page precision
 * and recall, corpus figures as the means over pages, F1 of the two means (the metric published with
 * the benchmark in {@code shared/eval/extraction-dev/README.md}).
 */
public final class ShingleScore {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int N = 4;

    private ShingleScore() {}

    /** One page's counts; precision or recall is empty where it is undefined (0/0). */
    public record Page(double tp, double fp, double fn) {

        public OptionalDouble precision() {
            if (fp == 0 && fn == 0) {
                return OptionalDouble.of(1);
            }
            return tp + fp == 0 ? OptionalDouble.empty() : OptionalDouble.of(tp / (tp + fp));
        }

        public OptionalDouble recall() {
            if (fp == 0 && fn == 0) {
                return OptionalDouble.of(1);
            }
            return tp + fn == 0 ? OptionalDouble.empty() : OptionalDouble.of(tp / (tp + fn));
        }
    }

    /** Corpus figures: mean precision, mean recall and the F1 of those means. */
    public record Corpus(double precision, double recall, int pages) {
        public double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    /** One page scored with the benchmark's word 4-grams. */
    public static Page page(String expected, String extracted) {
        return page(expected, extracted, N);
    }

    /**
     * One page scored with word {@code n}-grams: 4 is the benchmark's metric; 1 (a bag of words) is the
     * short-page mode, where a brief of forty words has too few 4-grams for one stray phrase to be fairly counted.
     */
    public static Page page(String expected, String extracted, int n) {
        Map<List<String>, Integer> want = shingles(expected, n);
        Map<List<String>, Integer> got = shingles(extracted, n);
        Set<List<String>> keys = new HashSet<>(want.keySet());
        keys.addAll(got.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> k : keys) {
            int e = want.getOrDefault(k, 0);
            int x = got.getOrDefault(k, 0);
            tp += Math.min(e, x);
            fp += Math.max(0, x - e);
            fn += Math.max(0, e - x);
        }
        double sum = tp + fp + fn;
        return sum == 0 ? new Page(0, 0, 0) : new Page(tp / sum, fp / sum, fn / sum);
    }

    public static Corpus corpus(List<Page> pages) {
        double p = pages.stream()
                .map(Page::precision)
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .average()
                .orElse(0);
        double r = pages.stream()
                .map(Page::recall)
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .average()
                .orElse(0);
        return new Corpus(p, r, pages.size());
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    static Map<List<String>, Integer> shingles(String text, int n) {
        List<String> t = tokens(text);
        Map<List<String>, Integer> counts = new HashMap<>();
        if (t.isEmpty()) {
            return counts;
        }
        if (t.size() < n) {
            counts.put(List.copyOf(t), 1);
            return counts;
        }
        for (int i = 0; i + n <= t.size(); i++) {
            counts.merge(List.copyOf(t.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }
}
