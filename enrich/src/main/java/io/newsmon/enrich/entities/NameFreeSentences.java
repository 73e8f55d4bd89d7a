package io.newsmon.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sentences of a text that cannot contain a person, organisation or place name as English writes
 * them: no word but the first is capitalised, and the first is a common word ("The", "He", "But" …).
 * What is left — the runs of text between such sentences — is what the entity model needs to read.
 */
final class NameFreeSentences {

    /** Sentence ends: . ! ? (and a closing quote or bracket) before space and a capital, quote or digit; or a line break. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "(?<=[.!?][\\\"'\\u201D\\u2019)\\]]?)\\s+(?=[\\\"'\\u201C\\u2018(\\[]?[\\p{Lu}\\p{N}])|\\n+");

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'\\u2019-]*");

    /** Words that start sentences without being (or starting) names. */
    private static final Set<String> COMMON_STARTERS = Set.copyOf(List.of(
            "a",
            "an",
            "the",
            "this",
            "that",
            "these",
            "those",
            "it",
            "its",
            "he",
            "she",
            "they",
            "we",
            "i",
            "you",
            "his",
            "her",
            "their",
            "our",
            "my",
            "your",
            "there",
            "here",
            "but",
            "and",
            "or",
            "so",
            "yet",
            "if",
            "when",
            "while",
            "after",
            "before",
            "as",
            "at",
            "in",
            "on",
            "for",
            "from",
            "with",
            "without",
            "by",
            "to",
            "of",
            "since",
            "until",
            "because",
            "although",
            "though",
            "however",
            "meanwhile",
            "also",
            "still",
            "some",
            "many",
            "most",
            "more",
            "several",
            "both",
            "each",
            "every",
            "all",
            "no",
            "none",
            "one",
            "two",
            "three",
            "other",
            "another",
            "such",
            "what",
            "which",
            "who",
            "whom",
            "whose",
            "where",
            "why",
            "how",
            "asked",
            "according",
            "earlier",
            "later",
            "last",
            "next",
            "then",
            "now",
            "today",
            "yesterday",
            "officials",
            "critics",
            "analysts",
            "experts",
            "people",
            "residents",
            "police",
            "authorities",
            "but",
            "not",
            "only",
            "even",
            "just",
            "instead",
            "despite",
            "during",
            "under",
            "over",
            "about",
            "around",
            "among",
            "between",
            "against",
            "into",
            "through",
            "across",
            "nearly",
            "almost",
            "about",
            "be",
            "is",
            "are",
            "was",
            "were",
            "has",
            "have",
            "had",
            "will",
            "would",
            "could",
            "should",
            "may",
            "might",
            "can",
            "do",
            "does",
            "did",
            "let",
            "please",
            "yes",
            "thus",
            "therefore",
            "indeed",
            "perhaps"));

    private NameFreeSentences() {}

    /** Character ranges [start, end) of {@code text} worth reading for names, in order. */
    static List<int[]> runsWorthReading(String text) {
        List<int[]> runs = new ArrayList<>();
        int runStart = -1;
        int sentenceStart = 0;
        Matcher boundary = BOUNDARY.matcher(text);
        while (true) {
            boolean found = boundary.find();
            int end = found ? boundary.start() : text.length();
            boolean worth = mayHoldNames(text, sentenceStart, end);
            if (worth && runStart < 0) {
                runStart = sentenceStart;
            } else if (!worth && runStart >= 0) {
                runs.add(new int[] {runStart, sentenceStart});
                runStart = -1;
            }
            if (!found) {
                break;
            }
            sentenceStart = boundary.end();
        }
        if (runStart >= 0) {
            runs.add(new int[] {runStart, text.length()});
        }
        return runs;
    }

    private static boolean mayHoldNames(String text, int start, int end) {
        Matcher w = WORD.matcher(text).region(start, end);
        boolean first = true;
        while (w.find()) {
            String word = w.group();
            if (first) {
                first = false;
                if (!COMMON_STARTERS.contains(word.toLowerCase(Locale.ROOT))) {
                    return true;
                }
                continue;
            }
            if (Character.isUpperCase(word.codePointAt(0))) {
                return true;
            }
        }
        return false;
    }
}
