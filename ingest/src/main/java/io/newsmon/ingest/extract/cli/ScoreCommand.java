package io.newsmon.ingest.extract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.ingest.extract.bench.ShingleScore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code ./newsmon extract-score OUT.json [--truth ground-truth.json]}: scores an extraction run with
 * the benchmark's metric (word 4-gram shingles; F1 of mean precision and mean recall). Pages missing
 * from OUT.json count as extracted empty.
 */
public final class ScoreCommand {

    static final String DEFAULT_TRUTH = "../shared/eval/extraction-dev/ground-truth.json";

    private ScoreCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--truth"))) {
            err.println("usage: extract-score OUT.json [--truth ground-truth.json]");
            return 2;
        }
        Path extracted = Path.of(args[0]);
        Path truth = Path.of(args.length == 3 ? args[2] : DEFAULT_TRUTH);
        for (Path p : List.of(extracted, truth)) {
            if (!Files.isRegularFile(p)) {
                err.println("extract-score: " + p + " does not exist");
                return 2;
            }
        }
        try {
            JsonNode want = ExtractCommand.JSON.readTree(truth.toFile());
            JsonNode got = ExtractCommand.JSON.readTree(extracted.toFile());
            List<ShingleScore.Page> pages = new ArrayList<>();
            int missing = 0;
            for (Iterator<String> ids = want.fieldNames(); ids.hasNext(); ) {
                String id = ids.next();
                JsonNode page = got.path(id);
                if (page.isMissingNode()) {
                    missing++;
                }
                pages.add(ShingleScore.page(
                        want.path(id).path("articleBody").asText(""),
                        page.path("articleBody").asText("")));
            }
            ShingleScore.Corpus c = ShingleScore.corpus(pages);
            out.printf("pages %d (missing from %s: %d)%n", c.pages(), extracted.getFileName(), missing);
            out.printf("F1 %.4f  precision %.4f  recall %.4f%n", c.f1(), c.precision(), c.recall());
            return 0;
        } catch (IOException e) {
            err.println("extract-score: cannot read JSON: " + e.getMessage());
            return 1;
        }
    }
}
