package io.newsmon.enrich.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An extractive summary: the body's sentences scored by how many of the article's frequent content words
 * they hold (per word, so long sentences do not win by length), with a bonus for the lead, which news puts
 * first; the best three, in the order they appear.
 */
public final class Summarizer {

    private Summarizer() {}

    /** The summary of an English body. */
    public static List<String> summary(String body, int sentences) {
        return summary(body, sentences, "en");
    }

    /** The summary of a body in {@code language}: its sentence model and stop words where newsmon has them. */
    public static List<String> summary(String body, int sentences, String language) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        List<int[]> spans = Sentences.of(body, language);
        java.util.function.Predicate<String> stop = StopWords.of(language);
        if (stop == null) {
            stop = Keyphrases.STOP::contains;
        }
        Map<String, Integer> freq = new HashMap<>();
        List<List<String>> words = new ArrayList<>();
        for (int[] s : spans) {
            List<String> ws = new ArrayList<>();
            for (String w : body.substring(s[0], s[1]).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (w.length() > 2 && !stop.test(w)) {
                    ws.add(w);
                    freq.merge(w, 1, Integer::sum);
                }
            }
            words.add(ws);
        }
        List<double[]> scored = new ArrayList<>(); // {index, score}
        for (int i = 0; i < spans.size(); i++) {
            List<String> ws = words.get(i);
            int length = spans.get(i)[1] - spans.get(i)[0];
            if (ws.size() < 4 || length > 600) {
                continue; // headings, datelines, captions and run-ons make poor summary lines
            }
            double s = 0;
            for (String w : ws) {
                s += freq.get(w) - 1;
            }
            s = s / Math.sqrt(ws.size());
            s *= i == 0 ? 1.6 : i < 3 ? 1.2 : 1.0;
            scored.add(new double[] {i, s});
        }
        List<Integer> chosen = scored.stream()
                .sorted(Comparator.comparingDouble((double[] d) -> -d[1]).thenComparingDouble(d -> d[0]))
                .limit(sentences)
                .map(d -> (int) d[0])
                .sorted()
                .toList();
        List<String> out = new ArrayList<>();
        for (int i : chosen) {
            out.add(body.substring(spans.get(i)[0], spans.get(i)[1]));
        }
        return out;
    }
}
