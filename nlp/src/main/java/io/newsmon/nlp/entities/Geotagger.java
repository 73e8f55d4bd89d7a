package io.newsmon.nlp.entities;

import io.newsmon.domain.article.Countries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The countries an article is about, from the places its recogniser found: country names and aliases only
 * for now (cities, regions and demonyms need the gazetteer still to come). Most mentioned first.
 */
public final class Geotagger {

    private Geotagger() {}

    public static Map<String, Integer> countries(List<Entity> entities) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Entity e : entities) {
            if (e.type().equals(Entity.LOCATION)) {
                String code = Countries.code(e.text());
                if (code != null) {
                    counts.merge(code, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(en -> sorted.put(en.getKey(), en.getValue()));
        return sorted;
    }
}
