package io.newsmon.enrich.entities;

import io.newsmon.domain.article.Countries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The countries an article is about, most mentioned first: country names and aliases, and the places the
 * recogniser found (cities, capitals, regions — only spans it calls places, so a first name is never a
 * city) through the {@link Gazetteer}, plus demonyms in the text ("Pakistani officials" → PK). A place that
 * exists in several countries (Hyderabad: India and Pakistan) goes to the one the article already names;
 * failing that to the clearly most populous (twice the next), else it is left out.
 */
public final class Geotagger {

    private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+)?\\b");

    private Geotagger() {}

    public static Map<String, Integer> countries(List<Entity> entities) {
        return countries(entities, null);
    }

    public static Map<String, Integer> countries(List<Entity> entities, String text) {
        Gazetteer gazetteer = Gazetteer.standard();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<List<Gazetteer.Place>> ambiguous = new ArrayList<>();
        for (Entity e : entities) {
            if (!e.type().equals(Entity.LOCATION)) {
                continue;
            }
            String code = Countries.codeInAnyLanguage(e.text());
            if (code != null) {
                counts.merge(code, 1, Integer::sum);
                continue;
            }
            List<Gazetteer.Place> places = gazetteer.lookup(e.text());
            Set<String> countries = new HashSet<>();
            places.forEach(p -> countries.add(p.country()));
            if (countries.size() == 1) {
                counts.merge(countries.iterator().next(), 1, Integer::sum);
            } else if (countries.size() > 1) {
                ambiguous.add(places);
            }
        }
        if (text != null) {
            Matcher m = CAPITALISED.matcher(text);
            while (m.find()) {
                String word = m.group();
                String code = gazetteer.demonym(word);
                int space = word.indexOf(' ');
                if (code == null && space > 0) {
                    // "Pakistani Taliban", "The Iranian": either word alone
                    code = gazetteer.demonym(word.substring(0, space));
                    if (code == null) {
                        code = gazetteer.demonym(word.substring(space + 1));
                    }
                }
                if (code != null) {
                    counts.merge(code, 1, Integer::sum);
                }
            }
        }
        for (List<Gazetteer.Place> places : ambiguous) {
            String code = resolve(places, counts);
            if (code != null) {
                counts.merge(code, 1, Integer::sum);
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(en -> sorted.put(en.getKey(), en.getValue()));
        return sorted;
    }

    private static String resolve(List<Gazetteer.Place> places, Map<String, Integer> counts) {
        String named = null;
        for (Gazetteer.Place p : places) {
            if (counts.containsKey(p.country()) && (named == null || counts.get(p.country()) > counts.get(named))) {
                named = p.country();
            }
        }
        if (named != null) {
            return named;
        }
        Map<String, Long> population = new LinkedHashMap<>();
        for (Gazetteer.Place p : places) {
            population.merge(p.country(), p.population(), Math::max);
        }
        List<Map.Entry<String, Long>> ranked = population.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .toList();
        long first = ranked.get(0).getValue();
        long second = ranked.get(1).getValue();
        return first > 0 && first >= 2 * second ? ranked.get(0).getKey() : null;
    }
}
