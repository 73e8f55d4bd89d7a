package io.newsmon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** crawl-bench on a few pages of three local sites: both runs fetch and extract every page and say how fast. */
class CrawlBenchTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new CrawlBench());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSmallRunExtractsEveryPageWithAndWithoutPoliteness() {
        assertThat(run("--pages", "6", "--hosts", "3", "--threads", "2", "--batch", "4"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("crawl-bench: 6 pages on 3 local hosts, 2 fetch threads, rounds of 4")
                .containsPattern("politeness off +6 pages \\(6 extracted\\) in +[0-9.]+ s = +[0-9.]+ pages/s")
                .containsPattern("defaults \\(1 s per host\\) +6 pages \\(6 extracted\\)")
                .contains("peak RSS of this process: ");
    }

    @Test
    void impossibleSizesAreUsageErrors() {
        assertThat(run("--hosts", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--hosts must be 1–250");
        assertThat(run("--pages", "3", "--hosts", "5")).isEqualTo(2);
        assertThat(run("--threads", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--threads and --batch must be at least 1");
    }
}
