package io.newsmon.enrich.entities;

import io.newsmon.domain.article.Countries;
import io.newsmon.domain.article.EntityNames;
import java.util.ArrayList;
import java.util.HashMap;
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
        List<String> keys = new ArrayList<>(mentions.size());
        Map<String, String> keyOf = new HashMap<>();
        for (Entity e : mentions) {
            keys.add(keyOf.computeIfAbsent(e.text(), EntityResolver::key));
        }
        List<Resolved> out = new ArrayList<>(mentions.size());
        Map<String, String> canonicalOf = new HashMap<>();
        for (int i = 0; i < mentions.size(); i++) {
            Entity e = mentions.get(i);
            String k = keys.get(i);
            String canonical =
                    canonicalOf.computeIfAbsent(e.type() + ":" + e.text(), x -> canonical(e, k, mentions, keys));
            out.add(new Resolved(e, canonical, keyOf.computeIfAbsent(canonical, EntityResolver::key)));
        }
        return out;
    }

    private static String canonical(Entity e, String k, List<Entity> all, List<String> keys) {
        switch (e.type()) {
            case Entity.PERSON -> {
                String best = e.text();
                int bestLength = k.length();
                for (int i = 0; i < all.size(); i++) {
                    String ok = keys.get(i);
                    if (all.get(i).type().equals(Entity.PERSON) && ok.length() > bestLength && ok.endsWith(" " + k)) {
                        best = all.get(i).text();
                        bestLength = ok.length();
                    }
                }
                return best;
            }
            case Entity.ORGANIZATION -> {
                if (e.text().length() >= 2 && e.text().equals(e.text().toUpperCase(Locale.ROOT))) {
                    String letters = k.replace(" ", "");
                    for (int i = 0; i < all.size(); i++) {
                        if (all.get(i).type().equals(Entity.ORGANIZATION)
                                && initials(keys.get(i)).equals(letters)) {
                            return all.get(i).text();
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

    /** First letters of the words of a key. */
    private static String initials(String key) {
        StringBuilder b = new StringBuilder();
        for (String w : key.split(" ")) {
            if (!w.isEmpty()) {
                b.append(w.charAt(0));
            }
        }
        return b.toString();
    }

    /** The cross-article key of a name (see {@link EntityNames#key}). */
    public static String key(String name) {
        return EntityNames.key(name);
    }
}
