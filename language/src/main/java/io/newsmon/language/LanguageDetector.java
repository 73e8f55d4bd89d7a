package io.newsmon.language;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects an article's language with OpenNLP's 103-language model (from Maven Central) on the first
 * few kilobytes of its text, and reports it as an ISO 639-1 code where one exists.
 */
@ApplicationScoped
public class LanguageDetector {

    /*
     * The model spreads probability over 103 languages, so even a clear answer scores low (0.08-0.3
     * on a news sentence). Sure means: some mass, and well ahead of the runner-up.
     */
    private static final double MIN_CONFIDENCE = 0.03;
    private static final double MIN_LEAD = 1.3;

    private static final int SAMPLE_CHARS = 4000;
    private static final String MODEL = "/langdetect-183.bin";

    private final LanguageDetectorModel model;

    public LanguageDetector() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL + " is not on the classpath");
            }
            model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language model", e);
        }
    }

    /** The ISO 639-1 code (or 639-3 where there is no two-letter code), or empty when unsure. */
    public Optional<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        // the detector is not thread-safe; the model is, and a detector is cheap
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(sample);
        if (ranked.length == 0 || ranked[0].getConfidence() < MIN_CONFIDENCE) {
            return Optional.empty();
        }
        Language best = ranked[0];
        if (ranked.length > 1 && best.getConfidence() < MIN_LEAD * ranked[1].getConfidence()) {
            return Optional.empty();
        }
        return Optional.of(toIso639_1(best.getLang()));
    }

    private static final Map<String, String> ISO3_TO_ISO1 = buildIsoMap();

    private static Map<String, String> buildIsoMap() {
        java.util.HashMap<String, String> map = new java.util.HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException ignored) {
                // a code without a three-letter form
            }
        }
        // the model labels some macrolanguages by their individual-language code
        map.put("cmn", "zh");
        map.put("pes", "fa");
        map.put("zsm", "ms");
        map.put("lvs", "lv");
        map.put("ekk", "et");
        map.put("nob", "no");
        return Map.copyOf(map);
    }

    static String toIso639_1(String iso3) {
        return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
    }
}
