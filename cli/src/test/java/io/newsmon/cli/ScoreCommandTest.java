package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "extract-score";
        System.arraycopy(args, 0, line, 1, args.length);
        return Newsmon.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                line);
    }

    private void write() throws IOException {
        Files.writeString(dir.resolve("truth.json"), """
                {"brief": {"articleBody": "Two men were rescued from the estuary on Saturday."},
                 "long": {"articleBody": "The library will stay open until nine on weekday evenings from next month."}}
                """);
        // the brief gained one stray word; the long page is exact
        Files.writeString(dir.resolve("out.json"), """
                {"brief": {"articleBody": "Two men were rescued from the estuary on Saturday. Advertisement"},
                 "long": {"articleBody": "The library will stay open until nine on weekday evenings from next month."}}
                """);
    }

    @Test
    void theShortModeCountsWordsAndThePageListPutsTheWorstFirst() throws IOException {
        write();
        assertThat(run(
                        dir.resolve("out.json").toString(),
                        "--truth",
                        dir.resolve("truth.json").toString(),
                        "--short",
                        "--pages"))
                .isEqualTo(0);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("metric: words (--short)");
        // one stray word among nine: precision 0.9 in words
        assertThat(report).contains("P 0.900  R 1.000  brief");
        assertThat(report.indexOf("brief")).isLessThan(report.indexOf("long"));
    }

    @Test
    void theDefaultModeIsTheBenchmarksFourGrams() throws IOException {
        write();
        assertThat(run(
                        dir.resolve("out.json").toString(),
                        "--truth",
                        dir.resolve("truth.json").toString()))
                .isEqualTo(0);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("metric: word 4-grams");
        // six 4-grams right, one wrong: precision 6/7 on the brief, 1 on the other page
        assertThat(report).contains("precision 0.9286");
    }

    @Test
    void anUnknownArgumentIsNamed() {
        assertThat(run("out.json", "--shortt")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--shortt'");
    }
}
