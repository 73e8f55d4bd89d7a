package io.newsmon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.enrich.Enricher;
import io.newsmon.language.LanguageDetector;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon enrich-bench [ground-truth.json] [--rounds N]}: the cost of enrichment per article on one
 * thread, through the same {@link Enricher} the nlp service stores from (language, entities with resolution,
 * countries, tone, keyphrases, summary, categories), over real article bodies: the extraction development
 * set's English ones. Reports model load time, articles per second, latency percentiles and heap.
 */
@Command(
        name = "enrich-bench",
        mixinStandardHelpOptions = true,
        description = "Enrichment speed per article on one thread over real English bodies, through the nlp"
                + " service's own enrichment path: articles/s, p50/p95 latency, model load time, heap.")
public final class EnrichBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "FILE",
            description = "bodies as {id: {articleBody}} (default: ${DEFAULT-VALUE})")
    Path file = Path.of("../shared/eval/extraction-dev/ground-truth.json");

    @Option(names = "--rounds", description = "measured rounds after one warm-up round (default: ${DEFAULT-VALUE})")
    int rounds = 3;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(
                    spec.commandLine(), file + ": no such file (a JSON object of {id: {articleBody}})");
        }
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Enricher enricher = Enricher.standard();
        out.printf(Locale.ROOT, "models loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        LanguageDetector languages = new LanguageDetector();
        List<String> texts = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        root.forEach(n -> {
            String body = n.path("articleBody").asText("");
            if (!body.isBlank() && languages.detect(body).orElse("").equals("en")) {
                texts.add(body);
            }
        });
        if (texts.isEmpty()) {
            spec.commandLine().getErr().println("enrich-bench: no English bodies in " + file);
            return 1;
        }
        long chars = texts.stream().mapToLong(String::length).sum();
        out.printf(
                Locale.ROOT,
                "%d English articles, mean %.0f characters%n",
                texts.size(),
                chars / (double) texts.size());

        long[] perArticle = new long[texts.size() * rounds];
        long total = 0;
        int k = 0;
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
            for (String text : texts) {
                long a = System.nanoTime();
                enricher.enrich(null, text, null);
                long took = System.nanoTime() - a;
                if (round > 0) {
                    total += took;
                    perArticle[k++] = took;
                }
            }
        }
        int n = perArticle.length;
        Arrays.sort(perArticle);
        out.printf(
                Locale.ROOT,
                "one thread: %.1f articles/s, p50 %.1f ms, p95 %.1f ms%n",
                n / (total / 1e9),
                perArticle[n / 2] / 1e6,
                perArticle[(int) (n * 0.95)] / 1e6);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "heap in use after GC: %.0f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
        return 0;
    }
}
