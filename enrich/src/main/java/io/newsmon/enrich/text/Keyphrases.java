package io.newsmon.enrich.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * RAKE-style keyphrases for English: candidates are the runs of words between stop words and punctuation
 * (at most three words); a word scores its degree over its frequency, a phrase the sum of its words, with a
 * bonus for phrases that recur and for those in the title. Other languages get none (no stop-word list
 * yet).
 */
public final class Keyphrases {

    static final Set<String> STOP = Set.of(
            "a",
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "down",
            "during",
            "each",
            "few",
            "for",
            "from",
            "further",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "me",
            "more",
            "most",
            "my",
            "myself",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "on",
            "once",
            "only",
            "or",
            "other",
            "our",
            "ours",
            "ourselves",
            "out",
            "over",
            "own",
            "same",
            "she",
            "should",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "to",
            "too",
            "under",
            "until",
            "up",
            "very",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "whom",
            "why",
            "will",
            "with",
            "would",
            "you",
            "your",
            "yours",
            "said",
            "says",
            "say",
            "told",
            "according",
            "mr",
            "mrs",
            "ms",
            "new",
            "one",
            "two",
            "three",
            "last",
            "first",
            "year",
            "years",
            "week",
            "day",
            "days",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "may",
            "might",
            "must",
            "us",
            "however",
            "since",
            "within",
            "without",
            "per",
            "many",
            "much",
            "well",
            "like",
            "get",
            "got",
            "made",
            "make",
            "including",
            "around",
            "across",
            "another",
            "among",
            "amid",
            "despite",
            "yet",
            "still",
            "even",
            "already",
            "back",
            "way",
            "time",
            "people",
            "percent",
            "set",
            "ago",
            "next",
            "later",
            "earlier");

    private Keyphrases() {}

    /** English keyphrases. */
    public static List<String> of(String title, String body, int max) {
        return of(title, body, max, STOP::contains);
    }

    /**
     * Keyphrases of an article in {@code language} (ISO 639-1), with that language's stop words: newsmon's
     * own list for English, Lucene's for 20 others; empty for a language without a list.
     */
    public static List<String> of(String title, String body, int max, String language) {
        Predicate<String> stop = StopWords.of(language);
        return stop == null ? List.of() : of(title, body, max, stop);
    }

    private static List<String> of(String title, String body, int max, Predicate<String> stop) {
        Map<String, Integer> phraseCount = new LinkedHashMap<>();
        Map<String, int[]> word = new HashMap<>(); // word -> {frequency, degree}
        for (List<String> phrase : candidates((title == null ? "" : title) + "\n" + (body == null ? "" : body), stop)) {
            String key = String.join(" ", phrase);
            phraseCount.merge(key, 1, Integer::sum);
            for (String w : phrase) {
                int[] fd = word.computeIfAbsent(w, k -> new int[2]);
                fd[0]++;
                fd[1] += phrase.size();
            }
        }
        String titleLower = title == null ? "" : title.toLowerCase(Locale.ROOT);
        Map<String, Double> scored = new HashMap<>();
        phraseCount.forEach((phrase, count) -> {
            double s = 0;
            for (String w : phrase.split(" ")) {
                int[] fd = word.get(w);
                s += fd[1] / (double) fd[0];
            }
            s *= 1 + Math.log(count);
            if (titleLower.contains(phrase)) {
                s *= 1.5;
            }
            // a one-off single word is rarely what an article is about
            if (count == 1 && !phrase.contains(" ")) {
                s *= 0.5;
            }
            scored.put(phrase, s);
        });
        List<String> out = new ArrayList<>();
        scored.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .filter(p -> p.length() > 2)
                .forEach(p -> {
                    if (out.size() < max && out.stream().noneMatch(o -> o.contains(p) || p.contains(o))) {
                        out.add(p);
                    }
                });
        return out;
    }

    private static List<List<String>> candidates(String text, Predicate<String> stop) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("(?<=[^\\p{L}\\p{N}'’-])|(?=[^\\p{L}\\p{N}'’-])")) {
            String t = token.replace("’", "'").replaceAll("'s$", "");
            boolean wordish = t.matches("[\\p{L}][\\p{L}\\p{N}'-]*");
            if (t.isBlank() && !token.contains("\n")) {
                continue;
            }
            if (!wordish || stop.test(t) || t.length() < 2) {
                flush(current, out);
                continue;
            }
            current.add(t);
        }
        flush(current, out);
        return out;
    }

    private static void flush(List<String> current, List<List<String>> out) {
        if (!current.isEmpty() && current.size() <= 3) {
            out.add(new ArrayList<>(current));
        }
        current.clear();
    }
}
