package io.newsmon.nlp.entities.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.language.LanguageDetector;
import io.newsmon.nlp.entities.Entity;
import io.newsmon.nlp.entities.EntityRecognizer;
import io.newsmon.nlp.entities.EntityResolver;
import io.newsmon.nlp.entities.Geotagger;
import io.newsmon.nlp.entities.Recognizers;
import io.newsmon.nlp.text.Categorizer;
import io.newsmon.nlp.text.Keyphrases;
import io.newsmon.nlp.text.Summarizer;
import io.newsmon.nlp.tone.ToneScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./newsmon enrich-bench [ground-truth.json] [--rounds N]}: the cost of enrichment per article on one
 * thread — language, entities (CRF + rules), resolution and countries, tone, keyphrases and summary — over
 * real article bodies (the
 * extraction development set's English ones), with model load time and heap.
 */
public final class EnrichBenchCommand {

    public static void main(String[] args) throws Exception {
        Path file = Path.of("../shared/eval/extraction-dev/ground-truth.json");
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                file = Path.of(args[i]);
            }
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("newsmon: " + file + ": no such file (a JSON object of {id: {articleBody}})");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        LanguageDetector languages = new LanguageDetector();
        long t1 = System.nanoTime();
        EntityRecognizer english = Recognizers.english();
        ToneScorer toneScorer = ToneScorer.load();
        long t2 = System.nanoTime();
        System.out.printf(
                Locale.ROOT, "models loaded: language %.1f s, entities %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);

        List<String> texts = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        root.forEach(n -> {
            String body = n.path("articleBody").asText("");
            if (!body.isBlank() && languages.detect(body).orElse("").equals("en")) {
                texts.add(body);
            }
        });
        long chars = texts.stream().mapToLong(String::length).sum();
        System.out.printf(
                Locale.ROOT,
                "%d English articles, mean %.0f characters%n",
                texts.size(),
                chars / (double) Math.max(1, texts.size()));

        long language = 0;
        long entities = 0;
        long resolution = 0;
        long rest = 0;
        long[] perArticle = new long[texts.size() * rounds];
        int k = 0;
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
            for (String text : texts) {
                long a = System.nanoTime();
                languages.detect(text);
                long b = System.nanoTime();
                List<Entity> found = english.recognize(text);
                long c = System.nanoTime();
                EntityResolver.resolve(found);
                Geotagger.countries(found, text);
                long d = System.nanoTime();
                toneScorer.text(text);
                Keyphrases.of("", text, 10);
                Summarizer.summary(text, 3);
                Categorizer.standard().categorize("", text);
                long e = System.nanoTime();
                if (round > 0) {
                    language += b - a;
                    entities += c - b;
                    resolution += d - c;
                    rest += e - d;
                    perArticle[k++] = e - a;
                }
            }
        }
        int n = texts.size() * rounds;
        double total = (language + entities + resolution + rest) / 1e9;
        Arrays.sort(perArticle);
        System.out.printf(
                Locale.ROOT,
                "one thread: %.1f articles/s (%.1f per 4 KB-equivalent: %.1f KB mean), p50 %.1f ms, p95 %.1f ms%n",
                n / total,
                n / total * (chars / (double) texts.size()) / 4096,
                chars / (double) texts.size() / 1024,
                perArticle[n / 2] / 1e6,
                perArticle[(int) (n * 0.95)] / 1e6);
        System.out.printf(
                Locale.ROOT,
                "per article: language %.2f ms, entities %.2f ms, resolution + countries %.2f ms,"
                        + " tone + keyphrases + summary + categories %.2f ms%n",
                language / 1e6 / n,
                entities / 1e6 / n,
                resolution / 1e6 / n,
                rest / 1e6 / n);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap in use after GC: %.0f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }
}
