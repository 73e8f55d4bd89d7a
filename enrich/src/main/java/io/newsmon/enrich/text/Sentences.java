package io.newsmon.enrich.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Sentence spans of a text: paragraphs (line breaks) first, since the models do not split on them, then
 * OpenNLP's Universal Dependencies sentence model where the language has one on Maven Central in newsmon
 * (English, German, French), else the rule splitter ({@link #byRules}).
 */
public final class Sentences {

    private static final Map<String, String> MODELS = Map.of(
            "en", "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin",
            "de", "/opennlp-de-ud-gsd-sentence-1.3-2.5.4.bin",
            "fr", "/opennlp-fr-ud-gsd-sentence-1.3-2.5.4.bin");

    private static final Map<String, SentenceModel> LOADED = new ConcurrentHashMap<>();

    /** The detector is not thread-safe; the model is. */
    private static final ThreadLocal<Map<String, SentenceDetectorME>> DETECTORS = ThreadLocal.withInitial(HashMap::new);

    private Sentences() {}

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"”’')\\]]*\\s+(?=[\"“‘(\\[]?\\p{Lu})");

    /** [start, end) of each sentence of {@code text} in {@code language}, trimmed, in order. */
    public static List<int[]> of(String text, String language) {
        if (text == null) {
            return List.of();
        }
        String resource = language == null ? null : MODELS.get(language);
        if (resource == null) {
            return byRules(text);
        }
        SentenceDetectorME detector = DETECTORS
                .get()
                .computeIfAbsent(language, l -> new SentenceDetectorME(LOADED.computeIfAbsent(l, x -> load(resource))));
        return perLine(text, line -> {
            List<int[]> spans = new ArrayList<>();
            for (Span s : detector.sentPosDetect(line)) {
                spans.add(new int[] {s.getStart(), s.getEnd()});
            }
            return spans;
        });
    }

    /** Sentences by rule: sentence-final punctuation (and closing quotes) before a capital, per line. */
    public static List<int[]> byRules(String text) {
        return perLine(text, line -> {
            List<int[]> spans = new ArrayList<>();
            Matcher m = SENTENCE_END.matcher(line);
            int start = 0;
            while (m.find()) {
                spans.add(new int[] {start, m.start()});
                start = m.end();
            }
            spans.add(new int[] {start, line.length()});
            return spans;
        });
    }

    /** Splits each line with {@code split} (spans within the line) and trims the spans to the text. */
    private static List<int[]> perLine(String text, Function<String, List<int[]>> split) {
        List<int[]> out = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i > lineStart) {
                    for (int[] s : split.apply(text.substring(lineStart, i))) {
                        add(out, text, lineStart + s[0], lineStart + s[1]);
                    }
                }
                lineStart = i + 1;
            }
        }
        return out;
    }

    private static SentenceModel load(String resource) {
        try (InputStream in = Sentences.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource + " is missing from the classpath (opennlp-models-sentdetect)");
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(List<int[]> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[] {start, end});
        }
    }
}
