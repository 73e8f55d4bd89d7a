package io.newsmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.extract.score.ShingleScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon extract-score OUT.json [--truth ground-truth.json] [--short] [--pages]}: scores an
 * extraction run with the benchmark's metric (word 4-gram shingles; F1 of mean precision and mean recall).
 * {@code --short} scores words instead of 4-grams, the fair measure for briefs of a few sentences where one
 * stray phrase is most of the 4-grams; {@code --pages} lists every page's precision and recall, worst
 * first. Pages missing from OUT.json count as extracted empty.
 */
@Command(
        name = "extract-score",
        mixinStandardHelpOptions = true,
        description = {
            "Scores an extraction run (the JSON of extract --input/--output) against expected bodies with the"
                    + " benchmark's metric: word 4-gram shingles, F1 of mean precision and mean recall.",
            "Pages missing from OUT.json count as extracted empty."
        })
final class ScoreCommand implements Callable<Integer> {

    static final String DEFAULT_TRUTH = "../shared/eval/extraction-dev/ground-truth.json";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "OUT.json", description = "extractions keyed by page id")
    Path extracted;

    @Option(
            names = "--truth",
            paramLabel = "FILE",
            description = "expected bodies, {id: {articleBody}} (default: ${DEFAULT-VALUE})")
    Path truth = Path.of(DEFAULT_TRUTH);

    @Option(
            names = "--short",
            description = "score words instead of 4-grams: the fair measure for briefs of a few sentences,"
                    + " where one stray phrase is most of the 4-grams")
    boolean shortPages;

    @Option(names = "--pages", description = "list every page's precision and recall, worst first")
    boolean perPage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Usage.existingFile(spec, extracted, "the JSON of extract --input/--output");
        Usage.existingFile(spec, truth, "expected bodies, {id: {articleBody}}");
        int n = shortPages ? 1 : 4;
        try {
            JsonNode want = ExtractCommand.JSON.readTree(truth.toFile());
            JsonNode got = ExtractCommand.JSON.readTree(extracted.toFile());
            List<ShingleScore.Page> pages = new ArrayList<>();
            List<Map.Entry<String, ShingleScore.Page>> byId = new ArrayList<>();
            int missing = 0;
            for (Iterator<String> ids = want.fieldNames(); ids.hasNext(); ) {
                String id = ids.next();
                JsonNode page = got.path(id);
                if (page.isMissingNode()) {
                    missing++;
                }
                ShingleScore.Page score = ShingleScore.page(
                        want.path(id).path("articleBody").asText(""),
                        page.path("articleBody").asText(""),
                        n);
                pages.add(score);
                byId.add(Map.entry(id, score));
            }
            ShingleScore.Corpus c = ShingleScore.corpus(pages);
            out.printf(
                    "pages %d (missing from %s: %d), metric: %s%n",
                    c.pages(), extracted.getFileName(), missing, shortPages ? "words (--short)" : "word 4-grams");
            out.printf("F1 %.4f  precision %.4f  recall %.4f%n", c.f1(), c.precision(), c.recall());
            if (perPage) {
                byId.sort(Comparator.comparingDouble(e -> f1(e.getValue())));
                for (Map.Entry<String, ShingleScore.Page> e : byId) {
                    out.printf(
                            "  %.3f  P %.3f  R %.3f  %s%n",
                            f1(e.getValue()),
                            e.getValue().precision().orElse(0),
                            e.getValue().recall().orElse(0),
                            e.getKey());
                }
            }
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("extract-score: cannot read JSON: " + e.getMessage());
            return 1;
        }
    }

    private static double f1(ShingleScore.Page p) {
        double precision = p.precision().orElse(0);
        double recall = p.recall().orElse(0);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
