package io.newsmon.enrich.tone;

import io.newsmon.enrich.text.Sentences;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tone from -1 (negative) to 1 (positive), VADER-style: word valences from the VADER lexicon (built into
 * {@code seeds} by a script), raised or lowered by boosters ("very", "slightly"), flipped by a negation in
 * the three words before ("not good"), raised by ALL CAPS in mixed-case text and by exclamation marks,
 * and weighted towards what follows "but"; a sentence's sum is squashed to (-1, 1) by x / √(x² + 15).
 * An article's tone is the mean over its sentences that carry any; an entity's, over the sentences that
 * name it. English only: other languages score 0.
 */
public final class ToneScorer {

    static final String LEXICON = "/io/newsmon/enrich/tone/vader-lexicon.tsv";

    private static final double BOOST = 0.293;
    private static final double CAPS = 0.733;
    private static final double NEGATED = -0.74;
    private static final double ALPHA = 15;

    private static final Set<String> BOOSTERS = Set.of(
            "absolutely",
            "amazingly",
            "awfully",
            "completely",
            "considerably",
            "decidedly",
            "deeply",
            "enormously",
            "entirely",
            "especially",
            "exceptionally",
            "extremely",
            "fabulously",
            "fully",
            "greatly",
            "highly",
            "hugely",
            "incredibly",
            "intensely",
            "majorly",
            "more",
            "most",
            "particularly",
            "purely",
            "quite",
            "really",
            "remarkably",
            "so",
            "substantially",
            "thoroughly",
            "totally",
            "tremendously",
            "unbelievably",
            "unusually",
            "utterly",
            "very");
    private static final Set<String> DAMPENERS = Set.of(
            "almost",
            "barely",
            "hardly",
            "less",
            "little",
            "marginally",
            "occasionally",
            "partly",
            "scarcely",
            "slightly",
            "somewhat");
    private static final Set<String> NEGATIONS = Set.of(
            "not",
            "no",
            "never",
            "none",
            "nobody",
            "nothing",
            "neither",
            "nor",
            "nowhere",
            "without",
            "cannot",
            "isnt",
            "wasnt",
            "arent",
            "werent",
            "dont",
            "doesnt",
            "didnt",
            "cant",
            "couldnt",
            "wont",
            "wouldnt",
            "shouldnt",
            "hasnt",
            "havent",
            "hadnt",
            "aint",
            "mustnt",
            "neednt");

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'’-]+|[!?]");

    private final Map<String, Double> valence;

    private ToneScorer(Map<String, Double> valence) {
        this.valence = valence;
    }

    public static ToneScorer load() {
        try (InputStream in = ToneScorer.class.getResourceAsStream(LEXICON)) {
            if (in == null) {
                throw new IllegalStateException(LEXICON + " is not on the classpath (it is in newsmon-seeds)");
            }
            Map<String, Double> v = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    v.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
                }
            }
            return new ToneScorer(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text's sentences by rule: line breaks first, then sentence-final punctuation before a capital. */
    public static List<int[]> sentences(String text) {
        return Sentences.byRules(text);
    }

    /** One sentence's tone in (-1, 1); 0 when no word carries any. */
    public double sentence(String s) {
        List<String> raw = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            raw.add(m.group());
        }
        boolean mixedCase = !s.equals(s.toUpperCase(Locale.ROOT)) && !s.equals(s.toLowerCase(Locale.ROOT));
        double[] scores = new double[raw.size()];
        int but = -1;
        int exclamations = 0;
        for (int i = 0; i < raw.size(); i++) {
            String token = raw.get(i);
            if (token.equals("!")) {
                exclamations++;
                continue;
            }
            String word = norm(token);
            if (word.equals("but")) {
                but = i;
                continue;
            }
            Double v = valence.get(word);
            if (v == null || BOOSTERS.contains(word) || DAMPENERS.contains(word)) {
                continue;
            }
            double score = v;
            if (mixedCase
                    && token.length() > 1
                    && token.equals(token.toUpperCase(Locale.ROOT))
                    && !token.equals(token.toLowerCase(Locale.ROOT))) {
                score += Math.signum(score) * CAPS;
            }
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                String before = norm(raw.get(i - back));
                double scale = back == 1 ? 1 : back == 2 ? 0.95 : 0.9;
                if (BOOSTERS.contains(before)) {
                    score += Math.signum(score) * BOOST * scale;
                } else if (DAMPENERS.contains(before)) {
                    score -= Math.signum(score) * BOOST * scale;
                }
                if (NEGATIONS.contains(before)) {
                    score *= NEGATED;
                }
            }
            scores[i] = score;
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double weight = but < 0 ? 1 : i < but ? 0.5 : 1.5;
            sum += scores[i] * weight;
        }
        if (sum != 0 && exclamations > 0) {
            sum += Math.signum(sum) * Math.min(exclamations, 4) * 0.292;
        }
        return sum == 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
    }

    private static String norm(String token) {
        return token.toLowerCase(Locale.ROOT).replace("’", "'").replace("'", "");
    }

    /** The mean tone of the sentences that carry any, or 0. */
    public double text(String text) {
        double sum = 0;
        int n = 0;
        for (int[] s : sentences(text)) {
            double t = sentence(text.substring(s[0], s[1]));
            if (t != 0) {
                sum += t;
                n++;
            }
        }
        return n == 0 ? 0 : round(sum / n);
    }

    /** The mean tone of the sentences holding any of the spans [start, end), or null when none does. */
    public Double around(String text, List<int[]> spans) {
        double sum = 0;
        int n = 0;
        for (int[] s : sentences(text)) {
            for (int[] span : spans) {
                if (span[0] >= s[0] && span[0] < s[1]) {
                    sum += sentence(text.substring(s[0], s[1]));
                    n++;
                    break;
                }
            }
        }
        return n == 0 ? null : round(sum / n);
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
