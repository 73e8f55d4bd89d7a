package io.newsmon.nlp.text;

import io.newsmon.nlp.tone.ToneScorer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Sentence spans of a text: paragraphs (line breaks) first, since the models do not split on them, then
 * OpenNLP's Universal Dependencies sentence model where the language has one on Maven Central in newsmon
 * (English, German, French), else the rule splitter ({@link ToneScorer#sentences}).
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

    /** [start, end) of each sentence of {@code text} in {@code language}, trimmed, in order. */
    public static List<int[]> of(String text, String language) {
        String resource = language == null ? null : MODELS.get(language);
        if (resource == null || text == null) {
            return text == null ? List.of() : ToneScorer.sentences(text);
        }
        SentenceDetectorME detector = DETECTORS
                .get()
                .computeIfAbsent(language, l -> new SentenceDetectorME(LOADED.computeIfAbsent(l, x -> load(resource))));
        List<int[]> out = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i > lineStart) {
                    String line = text.substring(lineStart, i);
                    for (Span s : detector.sentPosDetect(line)) {
                        add(out, text, lineStart + s.getStart(), lineStart + s.getEnd());
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
