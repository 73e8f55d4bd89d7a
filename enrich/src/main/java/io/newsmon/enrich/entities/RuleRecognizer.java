package io.newsmon.enrich.entities;

import io.newsmon.domain.article.Countries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in languages newsmon has no statistical model for, from rules and gazetteers: runs of capitalised
 * words are people when a title or office comes before them (Präsident, ministre, presidenta, Dr …),
 * organisations when they hold an organisation word (Bank, Partei, Banque, Partido, Ministerium …), and
 * places when they are a country (in 24 languages) or a city of 100,000+ people, a capital or a region of
 * the {@link Gazetteer}. Recall is what such rules give; precision is what matters for a fallback.
 */
public final class RuleRecognizer implements EntityRecognizer {

    static final long MIN_CITY_POPULATION = 100_000;
    static final int MAX_NAME_WORDS = 5;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}'’.-]*");

    /** Lower-case words allowed inside a name: "Banque de France", "Ursula von der Leyen". */
    private static final Set<String> PARTICLES = Set.copyOf(List.of(
            "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der", "den", "al", "el",
            "bin", "ibn", "y", "la", "le", "zu", "of", "for", "and", "et", "und"));

    /** Titles and offices that come before a person's name, in the languages of Europe and English. */
    private static final Set<String> TITLES = Set.copyOf(List.of(
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "sir",
            "president",
            "minister",
            "senator",
            "governor",
            "mayor",
            "king",
            "queen",
            "prince",
            "pope",
            "general",
            "chancellor",
            "sheikh",
            "imam",
            "ayatollah",
            "cardinal",
            "herr",
            "frau",
            "präsident",
            "präsidentin",
            "bundeskanzler",
            "bundeskanzlerin",
            "kanzler",
            "kanzlerin",
            "ministerin",
            "ministerpräsident",
            "ministerpräsidentin",
            "bürgermeister",
            "bürgermeisterin",
            "m",
            "mme",
            "monsieur",
            "madame",
            "président",
            "présidente",
            "ministre",
            "maire",
            "sr",
            "sra",
            "señor",
            "señora",
            "presidente",
            "presidenta",
            "ministro",
            "ministra",
            "alcalde",
            "alcaldesa",
            "signor",
            "signora",
            "sig",
            "dott",
            "premier",
            "sindaco",
            "senhor",
            "senhora",
            "prefeito",
            "burgemeester",
            "minister-president",
            "pan",
            "pani",
            "prezydent",
            "premier",
            "bay",
            "bayan"));

    /** Words that make a run of capitalised words an organisation. */
    private static final Set<String> ORGANISATION_WORDS = Set.copyOf(List.of(
            "bank",
            "ministry",
            "university",
            "party",
            "council",
            "corporation",
            "corp",
            "inc",
            "ltd",
            "llc",
            "plc",
            "group",
            "company",
            "agency",
            "association",
            "union",
            "institute",
            "committee",
            "commission",
            "foundation",
            "federation",
            "league",
            "court",
            "parliament",
            "army",
            "police",
            "nations",
            "organization",
            "organisation",
            "department",
            "authority",
            "airlines",
            "airways",
            "gmbh",
            "ag",
            "se",
            "partei",
            "ministerium",
            "universität",
            "verband",
            "gesellschaft",
            "stiftung",
            "gericht",
            "bundestag",
            "bundesbank",
            "konzern",
            "université",
            "parti",
            "ministère",
            "banque",
            "société",
            "compagnie",
            "conseil",
            "assemblée",
            "sa",
            "sas",
            "banco",
            "partido",
            "ministerio",
            "universidad",
            "sociedad",
            "compañía",
            "consejo",
            "congreso",
            "università",
            "ministero",
            "società",
            "partito",
            "consiglio",
            "fondazione",
            "spa",
            "universiteit",
            "partij",
            "ministerie",
            "bv",
            "nv",
            "partia",
            "ministerstwo",
            "bankası",
            "partisi",
            "bakanlığı"));

    private final Gazetteer gazetteer;

    public RuleRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public List<Entity> recognize(String text) {
        List<Entity> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && text.charAt(end - 1) == '.') {
                end--; // "Dr." keeps its word, the full stop is not part of it
            }
            if (end > m.start()) {
                words.add(new int[] {m.start(), end});
            }
        }
        int i = 0;
        while (i < words.size()) {
            if (!capitalised(text, words.get(i))) {
                i++;
                continue;
            }
            int j = i;
            // a run: capitalised words, particles only between two capitalised ones, no sentence break inside
            while (j + 1 < words.size()
                    && j + 1 - i < MAX_NAME_WORDS + 2
                    && joined(text, words.get(j), words.get(j + 1))) {
                int[] next = words.get(j + 1);
                if (capitalised(text, next)) {
                    j++;
                } else if (PARTICLES.contains(lower(text, next))
                        && j + 2 < words.size()
                        && capitalised(text, words.get(j + 2))
                        && joined(text, next, words.get(j + 2))) {
                    j += 2;
                } else {
                    break;
                }
            }
            classify(text, words, i, j, out);
            i = j + 1;
        }
        return out;
    }

    /** Finds a person, an organisation or a place in the run of words {@code from}..{@code to}. */
    private void classify(String text, List<int[]> words, int from, int to, List<Entity> out) {
        // an office inside the run ("Der Präsident Emmanuel Macron"), or just before it, names a person
        int title = -1;
        for (int k = to; k >= from; k--) {
            if (TITLES.contains(lower(text, words.get(k)))) {
                title = k;
                break;
            }
        }
        if (title < 0 && from > 0 && TITLES.contains(lower(text, words.get(from - 1)))) {
            title = from - 1;
        }
        if (title >= 0 && title < to) {
            int start = title + 1;
            int end = Math.min(to, start + 3);
            if (capitalised(text, words.get(start))) {
                out.add(Entity.of(text, words.get(start)[0], words.get(end)[1], Entity.PERSON));
                return;
            }
        }
        for (int k = from; k <= to; k++) {
            if (ORGANISATION_WORDS.contains(lower(text, words.get(k)))) {
                // at most two capitalised words before the organisation word ("Deutsche Bank", "Federal
                // Reserve Bank of …"); what comes before them may be a place or a person of its own
                int start = k;
                while (start > from
                        && k - start < 2
                        && capitalised(text, words.get(start - 1))
                        && !isFunctionWord(lower(text, words.get(start - 1)))) {
                    start--;
                }
                out.add(Entity.of(text, words.get(start)[0], words.get(to)[1], Entity.ORGANIZATION));
                int restEnd = start - 1;
                while (restEnd >= from && !capitalised(text, words.get(restEnd))) {
                    restEnd--; // a particle left dangling
                }
                if (restEnd >= from) {
                    classify(text, words, from, restEnd, out);
                }
                return;
            }
        }
        // the longest stretch of the run that is a known place
        for (int length = Math.min(to - from + 1, 4); length >= 1; length--) {
            for (int s = from; s + length - 1 <= to; s++) {
                int e = s + length - 1;
                String name = text.substring(words.get(s)[0], words.get(e)[1]);
                if (isPlace(name)) {
                    out.add(Entity.of(text, words.get(s)[0], words.get(e)[1], Entity.LOCATION));
                    return;
                }
            }
        }
    }

    private boolean isPlace(String name) {
        if (Countries.codeInAnyLanguage(name) != null) {
            return true;
        }
        for (Gazetteer.Place p : gazetteer.lookup(name)) {
            if (!p.kind().equals("city") || p.population() >= MIN_CITY_POPULATION) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> FUNCTION_WORDS = Set.copyOf(List.of(
            "the", "a", "an", "in", "at", "on", "der", "die", "das", "den", "dem", "des", "ein", "eine", "im", "am",
            "le", "la", "les", "l", "un", "une", "au", "aux", "el", "los", "las", "lo", "il", "lo", "gli", "i", "o",
            "os", "as", "het", "de", "een"));

    private static boolean isFunctionWord(String w) {
        return FUNCTION_WORDS.contains(w);
    }

    private static boolean capitalised(String text, int[] w) {
        return Character.isUpperCase(text.codePointAt(w[0]));
    }

    private static String lower(String text, int[] w) {
        return text.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
    }

    /** Two words with only spaces (no punctuation, no line break) between them. */
    private static boolean joined(String text, int[] a, int[] b) {
        for (int k = a[1]; k < b[0]; k++) {
            char c = text.charAt(k);
            if (c != ' ' && c != '\u00A0') {
                return false;
            }
        }
        return true;
    }
}
