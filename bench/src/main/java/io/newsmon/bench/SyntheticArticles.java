package io.newsmon.bench;

import io.newsmon.search.ArticleDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic synthetic news articles for benchmarks: sources on their own hosts, people, organisations and
 * places with their countries, categories, tone and publication times over 90 days, and ~4 KB bodies whose
 * words follow a Zipf distribution like real text. Deterministic for a given seed.
 */
public final class SyntheticArticles {

    static final String[] FIRST = {
        "Ahmed", "Maria", "John", "Fatima", "Wei", "Olga", "Carlos", "Aisha", "Hiroshi", "Emma", "Ibrahim", "Sofia",
        "Rahul", "Anna", "Kwame", "Lucia", "Omar", "Elena", "David", "Mei", "Hassan", "Ingrid", "Pedro", "Yusuf"
    };
    static final String[] LAST = {
        "Khan", "Garcia", "Smith", "Rahman", "Zhang", "Petrova", "Silva", "Bello", "Tanaka", "Schmidt", "Haddad",
        "Rossi", "Sharma", "Novak", "Mensah", "Fernandez", "Farouk", "Ivanova", "Cohen", "Chen", "Jilani", "Larsen"
    };
    static final String[] ORGS = {
        "United Nations",
        "World Bank",
        "European Union",
        "International Monetary Fund",
        "Red Cross",
        "NATO",
        "World Health Organization",
        "Supreme Court",
        "Central Bank",
        "Election Commission",
        "Harbour Shipping",
        "Atlas Energy",
        "Northwind Airlines",
        "Meridian Telecom",
        "Global Grain Council",
        "African Union",
        "Security Council",
        "Interior Ministry",
        "Finance Ministry",
        "National Assembly"
    };
    static final String[][] PLACES = {
        {"Islamabad", "PK"},
        {"Karachi", "PK"},
        {"Quetta", "PK"},
        {"Tehran", "IR"},
        {"Zahedan", "IR"},
        {"Kabul", "AF"},
        {"New Delhi", "IN"},
        {"Mumbai", "IN"},
        {"Beijing", "CN"},
        {"Shanghai", "CN"},
        {"Moscow", "RU"},
        {"Kyiv", "UA"},
        {"Berlin", "DE"},
        {"Paris", "FR"},
        {"London", "GB"},
        {"Madrid", "ES"},
        {"Rome", "IT"},
        {"Washington", "US"},
        {"New York", "US"},
        {"Nairobi", "KE"},
        {"Lagos", "NG"},
        {"Cairo", "EG"},
        {"Istanbul", "TR"},
        {"Riyadh", "SA"},
        {"Tokyo", "JP"},
        {"Jakarta", "ID"},
        {"Brasilia", "BR"},
        {"Mexico City", "MX"},
        {"Sydney", "AU"},
        {"Toronto", "CA"}
    };
    static final String[] CATEGORIES = {
        "politics",
        "conflict",
        "crime",
        "economy",
        "science",
        "health",
        "environment",
        "sport",
        "arts",
        "disaster",
        "society",
        "lifestyle"
    };
    static final String[] LANGS = {"en", "en", "en", "en", "en", "en", "fr", "es", "de", "ur"};

    /** Common English words first (they get the Zipf head), then topical words. */
    static final String[] WORDS =
            ("the of and to in a is that for on was with he it as at by said his be from are have has but not"
                            + " this they an which were their been one would who will more about there after also new"
                            + " two year people government minister officials police country president first last"
                            + " told week percent state security border talks economy economic growth market prices"
                            + " inflation bank trade election vote parliament party opposition court ruling judge"
                            + " attack killed injured forces military army troops ceasefire peace agreement deal"
                            + " crisis storm flood earthquake rescue hospital health vaccine outbreak patients"
                            + " climate emissions energy oil gas power electricity water drought farmers crops"
                            + " school students university research scientists study technology internet data"
                            + " company shares investors profit losses workers strike union wages jobs unemployment"
                            + " football match team coach season championship goal players final festival film"
                            + " music art museum culture protest protesters rally demonstration arrested charges"
                            + " investigation corruption fraud report statement spokesman meeting visit foreign"
                            + " ministry talks summit leaders region province capital city village district local"
                            + " national international global regional million billion dollars budget tax reform"
                            + " policy plan program project infrastructure roads railway port airport flights")
                    .split(" ");

    /** Distinct words in the corpus vocabulary (real news has tens of thousands). */
    static final int VOCABULARY = 20_000;

    static final int FUNCTION_WORDS = 40;

    private final SplittableRandom random;
    private final Instant start;
    private final double[] zipf;
    private final String[] vocabulary;

    public SyntheticArticles(long seed) {
        this.random = new SplittableRandom(seed);
        this.start = Instant.parse("2024-01-01T00:00:00Z");
        this.vocabulary = vocabulary();
        this.zipf = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.07);
            zipf[i] = sum;
        }
        for (int i = 0; i < zipf.length; i++) {
            zipf[i] /= sum;
        }
    }

    /**
     * Function words at the head of the Zipf curve, the topical words spread from rank 60 to ~15,000 (so a
     * topical word is in roughly 0.5% to 20% of articles, as in real news), invented words in between.
     */
    static String[] vocabulary() {
        String[] v = new String[VOCABULARY];
        System.arraycopy(WORDS, 0, v, 0, FUNCTION_WORDS);
        for (int i = FUNCTION_WORDS; i < WORDS.length; i++) {
            v[60 + (i - FUNCTION_WORDS) * 60] = WORDS[i];
        }
        String[] syllables = {
            "ka", "lo", "mir", "ten", "sa", "vu", "ri", "del", "no", "pas", "ge", "tor", "ul", "bre", "xi", "zan", "fo",
            "qui", "mel", "dar"
        };
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null) {
                int k = n++;
                StringBuilder w = new StringBuilder();
                do {
                    w.append(syllables[k % syllables.length]);
                    k /= syllables.length;
                } while (k > 0);
                w.append("on");
                v[i] = w.toString();
            }
        }
        return v;
    }

    static String person(int i) {
        return FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
    }

    static String host(int i) {
        return "news" + i + ".example." + (i % 3 == 0 ? "com" : i % 3 == 1 ? "org" : "net");
    }

    public ArticleDocument next(long id) {
        int source = random.nextInt(50);
        List<String> persons = pick(() -> person(skewed(FIRST.length * LAST.length)), 1 + random.nextInt(3));
        List<String> orgs = pick(() -> ORGS[skewed(ORGS.length)], 1 + random.nextInt(2));
        List<String> places = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            String[] p = PLACES[skewed(PLACES.length)];
            if (!places.contains(p[0])) {
                places.add(p[0]);
            }
            if (!countries.contains(p[1])) {
                countries.add(p[1]);
            }
        }
        List<String> categories = pick(() -> CATEGORIES[skewed(CATEGORIES.length)], 1 + random.nextInt(2));
        String title = capitalise(sentence(6 + random.nextInt(6), persons, orgs, places));
        StringBuilder body = new StringBuilder(4400);
        while (body.length() < 4000) {
            body.append(capitalise(sentence(12 + random.nextInt(18), persons, orgs, places)))
                    .append(". ");
            if (random.nextInt(5) == 0) {
                body.append("\n\n");
            }
        }
        Instant published = start.plus(Duration.ofMinutes(random.nextLong(90L * 24 * 60)));
        String host = host(source);
        return new ArticleDocument(
                id,
                id,
                "https://" + host + "/story/" + id,
                title,
                body.toString(),
                "Source " + source,
                List.of(host),
                LANGS[random.nextInt(LANGS.length)],
                published,
                persons,
                orgs,
                places,
                countries,
                categories,
                Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0,
                java.util.Map.of());
    }

    private String sentence(int words, List<String> persons, List<String> orgs, List<String> places) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(' ');
            }
            int r = random.nextInt(40);
            if (r == 0) {
                b.append(persons.get(random.nextInt(persons.size())));
            } else if (r == 1) {
                b.append(orgs.get(random.nextInt(orgs.size())));
            } else if (r == 2) {
                b.append(places.get(random.nextInt(places.size())));
            } else {
                b.append(word());
            }
        }
        return b.toString();
    }

    String word() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = zipf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary[lo];
    }

    /** Low indexes more often: a few entities are in most of the news. */
    int skewed(int n) {
        return (int) Math.min(n - 1, Math.floor(n * Math.pow(random.nextDouble(), 2.2)));
    }

    int nextInt(int n) {
        return random.nextInt(n);
    }

    private List<String> pick(java.util.function.Supplier<String> s, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String v = s.get();
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
