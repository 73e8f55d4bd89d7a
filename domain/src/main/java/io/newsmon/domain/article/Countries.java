package io.newsmon.domain.article;

import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Country names as news writes them, to their ISO 3166-1 alpha-2 code: the JDK's English (CLDR) names plus
 * common short forms and aliases, and the CLDR names in 23 other languages. nlp finds them in text (case
 * matters there); the query language looks analysts' {@code country:} values up in any case.
 */
public final class Countries {

    /** Languages whose CLDR country names are also known (as written), for articles in those languages. */
    static final String[] LANGUAGES = {
        "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "no", "fi", "cs", "tr", "ru", "uk", "ar", "fa", "ur",
        "hi", "zh", "ja", "ko", "id"
    };

    private static final Map<String, String> NAMES = names();
    private static final Map<String, String> OTHER_LANGUAGES = otherLanguages();
    private static final Map<String, String> FOLDED = folded();

    /** Names that are as often something else (a first name, a US state) and are never added on their own. */
    static final Set<String> AMBIGUOUS = Set.of("Chad", "Jordan", "Georgia", "Niger", "Turkey", "Guinea", "Dominica");

    private Countries() {}

    private static Map<String, String> names() {
        Map<String, String> m = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            if (name.matches("[\\p{L} .'-]+")) {
                m.put(name, code);
            }
        }
        String[][] aliases = {
            {"U.S.", "US"},
            {"US", "US"},
            {"USA", "US"},
            {"U.S.A.", "US"},
            {"America", "US"},
            {"United States of America", "US"},
            {"UK", "GB"},
            {"U.K.", "GB"},
            {"Britain", "GB"},
            {"Great Britain", "GB"},
            {"England", "GB"},
            {"Scotland", "GB"},
            {"Wales", "GB"},
            {"Northern Ireland", "GB"},
            {"Russia", "RU"},
            {"Iran", "IR"},
            {"Syria", "SY"},
            {"South Korea", "KR"},
            {"North Korea", "KP"},
            {"Vietnam", "VN"},
            {"Laos", "LA"},
            {"Czech Republic", "CZ"},
            {"Czechia", "CZ"},
            {"Ivory Coast", "CI"},
            {"Burma", "MM"},
            {"Myanmar", "MM"},
            {"Taiwan", "TW"},
            {"Palestine", "PS"},
            {"Kosovo", "XK"},
            {"Holland", "NL"},
            {"the Netherlands", "NL"},
            {"UAE", "AE"},
            {"Emirates", "AE"},
            {"Saudi Arabia", "SA"},
            {"Bolivia", "BO"},
            {"Venezuela", "VE"},
            {"Tanzania", "TZ"},
            {"Moldova", "MD"},
            {"Macedonia", "MK"},
            {"Congo", "CD"},
            {"Vatican", "VA"},
            {"East Timor", "TL"},
            {"Cape Verde", "CV"},
            {"Swaziland", "SZ"},
            {"Turkiye", "TR"},
            {"Türkiye", "TR"}
        };
        for (String[] a : aliases) {
            m.put(a[0], a[1]);
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> otherLanguages() {
        Map<String, String> m = new HashMap<>();
        for (String language : LANGUAGES) {
            Locale locale = Locale.forLanguageTag(language);
            for (String code : Locale.getISOCountries()) {
                String name = new Locale("", code).getDisplayCountry(locale);
                // a name the JDK has no translation for comes back as the code itself
                if (!name.equals(code) && !NAMES.containsKey(name) && name.matches("[\\p{L}\\p{M} .'-]+")) {
                    m.putIfAbsent(name, code);
                }
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> folded() {
        Map<String, String> m = new HashMap<>();
        OTHER_LANGUAGES.forEach((name, code) -> m.put(fold(name), code));
        NAMES.forEach((name, code) -> m.put(fold(name), code));
        return Collections.unmodifiableMap(m);
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .strip();
    }

    /** The ISO code of a country name or alias in any case and with or without accents, or null. */
    public static String byName(String name) {
        return FOLDED.get(fold(name));
    }

    /** The ISO code of a country name or alias as written (case matters: "US" is a country, "us" is not). */
    public static String code(String name) {
        return NAMES.get(name);
    }

    /**
     * The ISO code of a country name as written in English or in one of {@link #LANGUAGES} (Deutschland,
     * Allemagne, Alemania, Германия, 德国 …), or null.
     */
    public static String codeInAnyLanguage(String name) {
        String code = NAMES.get(name);
        return code != null ? code : OTHER_LANGUAGES.get(name);
    }

    public static Set<String> names(boolean includeAmbiguous) {
        if (includeAmbiguous) {
            return NAMES.keySet();
        }
        Set<String> out = new java.util.HashSet<>(NAMES.keySet());
        out.removeAll(AMBIGUOUS);
        return out;
    }
}
