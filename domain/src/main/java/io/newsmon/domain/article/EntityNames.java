package io.newsmon.domain.article;

import java.text.Normalizer;
import java.util.Locale;

/** How entity names are compared across articles: nlp writes {@code entity.name_key} with it, api looks it up. */
public final class EntityNames {

    private EntityNames() {}

    /** Lower case, accents off, hyphens and slashes to spaces, dots off, no leading "the". */
    public static String key(String name) {
        String k = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace("’", "'")
                .replaceAll("[-‐–—_/]", " ")
                .replace(".", "")
                .replaceAll("\\s+", " ")
                .strip();
        return k.startsWith("the ") ? k.substring(4) : k;
    }
}
