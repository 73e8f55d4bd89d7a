package io.newsmon.nlp.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Joins the short forms of a name to its long form inside one article, and gives each name the key that
 * identifies it across articles:
 *
 * <ul>
 *   <li>a person's surname, or the end of the name ({@code Jilani}, {@code Abdollahian},
 *       {@code Amir-Abdollahian}), is the longest name in the article it ends;
 *   <li>an acronym is the organisation whose initials it spells ({@code JAA} → {@code Jaish al Adl});
 *   <li>a country alias is the country ({@code U.S.} → {@code United States});
 *   <li>keys ignore case, accents, hyphens, dots and a leading "the".
 * </ul>
 */
public final class EntityResolver {

    /** A mention with the canonical name it stands for. */
    public record Resolved(Entity mention, String canonical, String key) {}

    private EntityResolver() {}

    public static List<Resolved> resolve(List<Entity> mentions) {
        Map<String, String> longest = new LinkedHashMap<>(); // type:key -> longest written form
        for (Entity e : mentions) {
            String k = e.type() + ":" + key(e.text());
            longest.merge(k, e.text(), (a, b) -> b.length() > a.length() ? b : a);
        }
        List<Resolved> out = new ArrayList<>(mentions.size());
        for (Entity e : mentions) {
            String canonical = canonical(e, mentions);
            out.add(new Resolved(e, canonical, key(canonical)));
        }
        return out;
    }

    private static String canonical(Entity e, List<Entity> all) {
        String k = key(e.text());
        switch (e.type()) {
            case Entity.PERSON -> {
                String best = e.text();
                for (Entity other : all) {
                    String ok = key(other.text());
                    if (other.type().equals(Entity.PERSON)
                            && ok.length() > key(best).length()
                            && ok.endsWith(" " + k)) {
                        best = other.text();
                    }
                }
                return best;
            }
            case Entity.ORGANIZATION -> {
                if (e.text().length() >= 2 && e.text().equals(e.text().toUpperCase(Locale.ROOT))) {
                    for (Entity other : all) {
                        if (other.type().equals(Entity.ORGANIZATION)
                                && initials(other.text()).equals(k.replace(" ", ""))) {
                            return other.text();
                        }
                    }
                }
                return e.text();
            }
            case Entity.LOCATION -> {
                String code = Countries.code(e.text());
                if (code != null) {
                    return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
                }
                return e.text();
            }
            default -> {
                return e.text();
            }
        }
    }

    private static String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : key(name).split(" ")) {
            if (!w.isEmpty()) {
                b.append(w.charAt(0));
            }
        }
        return b.toString();
    }

    /** Lower case, accents off, hyphens and dots to nothing or spaces, no leading "the". */
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
