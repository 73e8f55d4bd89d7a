package io.newsmon.bench;

import io.newsmon.extract.ArticleExtractor;
import io.newsmon.extract.PageFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon extract-bench [DIR] [--rounds N]}: single-threaded extraction speed after warm-up —
 * per-page latency percentiles, pages per second and bytes allocated per page (the JVM's per-thread
 * allocation counter). Pages are read into memory first, so disk and gzip are not measured.
 */
@Command(
        name = "extract-bench",
        mixinStandardHelpOptions = true,
        description = "Single-threaded extraction speed after warm-up: latency percentiles, pages per second and"
                + " bytes allocated per page. Pages are read into memory first, so disk and gzip are not measured.")
public final class ExtractBench implements Callable<Integer> {

    static final String DEFAULT_DIR = "../shared/eval/extraction-dev/html";

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "DIR",
            description = "a folder of *.html / *.html.gz pages (default: ${DEFAULT-VALUE})")
    Path dir = Path.of(DEFAULT_DIR);

    @Option(names = "--rounds", description = "measured rounds over all pages (default: ${DEFAULT-VALUE})")
    int rounds = 5;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1");
        }
        List<byte[]> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(PageFiles::isHtml).sorted().toList()) {
                pages.add(PageFiles.read(f));
            }
        } catch (IOException e) {
            err.println("extract-bench: cannot read " + dir + ": " + e.getMessage());
            return 2;
        }
        if (pages.isEmpty()) {
            err.println("extract-bench: no *.html or *.html.gz pages in " + dir);
            return 2;
        }
        ArticleExtractor extractor = new ArticleExtractor();
        for (int warm = 0; warm < 3; warm++) {
            pages.forEach(p -> extractor.extract(p, null, "http://bench.invalid/"));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long[] nanos = new long[pages.size() * rounds];
        long allocated = 0;
        int n = 0;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (byte[] page : pages) {
                long before = threads.getThreadAllocatedBytes(thread);
                long t0 = System.nanoTime();
                extractor.extract(page, null, "http://bench.invalid/");
                nanos[n++] = System.nanoTime() - t0;
                allocated += threads.getThreadAllocatedBytes(thread) - before;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        out.printf("pages %d x %d rounds, single thread, after 3 warm-up rounds%n", pages.size(), rounds);
        out.printf(
                "latency p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6);
        out.printf("throughput %.1f pages/s%n", n / seconds);
        out.printf("allocation %.1f MB per page%n", allocated / (double) n / 1e6);
        return 0;
    }
}
