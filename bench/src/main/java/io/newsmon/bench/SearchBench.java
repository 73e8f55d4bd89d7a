package io.newsmon.bench;

import io.newsmon.search.ArticleDocument;
import io.newsmon.search.SearchExecutor;
import io.newsmon.search.query.AnalystQuery;
import io.newsmon.search.query.QueryLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The search benchmark ({@code newsmon search-bench}): indexes synthetic articles the way the api's index
 * does (one writer thread, same analyzer and document mapping), then runs a fixed mix of 20 query shapes
 * with facets, highlighting and exact totals from concurrent clients through the api's own search code (the
 * search library's {@link SearchExecutor}).
 */
@Command(
        name = "search-bench",
        mixinStandardHelpOptions = true,
        description = "Search speed: indexes synthetic articles as the api does, then runs 20 query shapes with"
                + " facets, highlighting and exact totals from concurrent clients through the api's search code;"
                + " latency percentiles per shape and overall, throughput, heap. Give the JVM 2 GB for 100,000"
                + " articles (NEWSMON_TOOL_JAVA_OPTS=-Xmx2g).")
public final class SearchBench implements Callable<Integer> {

    /** The 20 shapes; {w} a topical word, {p} a person, {o} an organisation, {l} a place, {c} a country. */
    static final String[] SHAPES = {
        "{w}",
        "{w} {w}",
        "{w} OR {w} OR {w}",
        "\"{w} {w}\"",
        "{w} NEAR/5 {w}",
        "{w} ONEAR/3 {w}",
        "{x}*",
        "person:\"{p}\"",
        "org:\"{o}\"",
        "country:{c} {w}",
        "source:{h} {w}",
        "lang:en {w} -{w}",
        "category:{k} {w}",
        "tone:<-0.3 {w}",
        "{w} published:[2024-02-01 TO 2024-02-29]",
        "({w} OR {w}) AND ({w} OR {w}) NOT {w}",
        "({w} OR {w}) NEAR/5 {w}",
        "entity:\"{l}\" {w}",
        "title:{w}",
        "category:{k} -country:{c}"
    };

    @Spec
    CommandSpec spec;

    @Option(names = "--articles", description = "synthetic articles to index (default: ${DEFAULT-VALUE})")
    int articles = 100_000;

    @Option(names = "--clients", description = "concurrent search clients (default: ${DEFAULT-VALUE})")
    int clients = 8;

    @Option(names = "--queries", description = "queries in all (default: ${DEFAULT-VALUE})")
    int queries = 4_000;

    @Override
    public Integer call() throws Exception {
        if (articles < 1 || clients < 1 || queries < 1) {
            throw new ParameterException(spec.commandLine(), "--articles, --clients and --queries must be at least 1");
        }
        Path dir = Files.createTempDirectory("newsmon-search-bench");
        try {
            run(dir, articles, clients, queries);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static void run(Path dir, int articles, int clients, int queries) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "newsmon search benchmark: %,d synthetic articles, %d clients, %,d queries%n",
                articles,
                clients,
                queries);
        SyntheticArticles gen = new SyntheticArticles(42);
        long generating = 0;
        long indexing = 0;
        try (FSDirectory d = FSDirectory.open(dir)) {
            IndexWriterConfig iwc = new IndexWriterConfig(AnalystQuery.analyzer());
            iwc.setRAMBufferSizeMB(64);
            try (IndexWriter w = new IndexWriter(d, iwc)) {
                for (int from = 1; from <= articles; from += 10_000) {
                    long g0 = System.nanoTime();
                    List<ArticleDocument> chunk = new ArrayList<>();
                    for (int i = from; i < from + 10_000 && i <= articles; i++) {
                        chunk.add(gen.next(i));
                    }
                    long i0 = System.nanoTime();
                    generating += i0 - g0;
                    // as the api's tailer does: documents built and analysed on two threads, one writer
                    chunk.parallelStream().forEach(a -> {
                        try {
                            w.addDocument(a.toDocument());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    indexing += System.nanoTime() - i0;
                    System.out.printf(Locale.ROOT, "  indexed %,d%n", Math.min(articles, from + 9_999));
                }
                long c0 = System.nanoTime();
                w.commit();
                indexing += System.nanoTime() - c0;
            }
            double indexSeconds = indexing / 1e9;
            long bytes;
            try (Stream<Path> files = Files.list(dir)) {
                bytes = files.mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf(
                    Locale.ROOT,
                    "indexing: %,d articles in %.1f s = %,.0f articles/s (documents built and analysed on two"
                            + " threads into one writer, final commit included; generating them took another %.1f s);"
                            + " index %.0f MB (%.1f KB/article)%n",
                    articles,
                    indexSeconds,
                    articles / indexSeconds,
                    generating / 1e9,
                    bytes / 1e6,
                    bytes / 1024.0 / articles);

            try (DirectoryReader reader = DirectoryReader.open(d)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                SearchExecutor executor = new SearchExecutor(QueryLimits.DEFAULT, 10_000);
                List<String> mix = mix(new SyntheticArticles(7), queries);
                // warm-up: every shape a few times
                for (int i = 0; i < Math.min(400, mix.size()); i++) {
                    executor.search(searcher, request(mix.get(i), i));
                }
                long[] latency = new long[mix.size()];
                long[] totals = new long[mix.size()];
                AtomicInteger next = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                long q0 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    done.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < mix.size(); i = next.getAndIncrement()) {
                            long s = System.nanoTime();
                            totals[i] = executor.search(searcher, request(mix.get(i), i))
                                    .total();
                            latency[i] = System.nanoTime() - s;
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                double seconds = (System.nanoTime() - q0) / 1e9;
                pool.shutdown();
                System.out.printf(
                        Locale.ROOT,
                        "search: %,d queries in %.1f s = %.0f queries/s with %d clients; mean hits %,.0f%n",
                        mix.size(),
                        seconds,
                        mix.size() / seconds,
                        clients,
                        Arrays.stream(totals).average().orElse(0));
                System.out.printf(
                        Locale.ROOT, "latency with facets, highlights and exact totals: %s%n", percentiles(latency));
                for (int s = 0; s < SHAPES.length; s++) {
                    long[] shape = new long[(mix.size() + SHAPES.length - 1 - s) / SHAPES.length];
                    for (int i = s, k = 0; i < mix.size(); i += SHAPES.length) {
                        shape[k++] = latency[i];
                    }
                    System.out.printf(Locale.ROOT, "  %-42s %s%n", SHAPES[s], percentiles(shape));
                }
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "heap in use at the end: %.0f MB (max %.0f MB)%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6,
                rt.maxMemory() / 1e6);
    }

    private static SearchExecutor.Request request(String q, int i) {
        return new SearchExecutor.Request(q, null, null, i % 4 == 0, 0, 20, false, null);
    }

    /** The queries, shape after shape in turn, with their blanks filled from the generator's vocabulary. */
    static List<String> mix(SyntheticArticles gen, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String shape = SHAPES[i % SHAPES.length];
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < shape.length(); k++) {
                char ch = shape.charAt(k);
                if (ch == '{' && k + 2 < shape.length() && shape.charAt(k + 2) == '}') {
                    b.append(fill(gen, shape.charAt(k + 1)));
                    k += 2;
                } else {
                    b.append(ch);
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static String fill(SyntheticArticles gen, char kind) {
        return switch (kind) {
            case 'w' -> topical(gen);
            case 'x' -> {
                String w = topical(gen);
                while (w.length() < 5) {
                    w = topical(gen);
                }
                yield w.substring(0, 4);
            }
            case 'p' ->
                SyntheticArticles.person(gen.skewed(SyntheticArticles.FIRST.length * SyntheticArticles.LAST.length));
            case 'o' -> SyntheticArticles.ORGS[gen.skewed(SyntheticArticles.ORGS.length)];
            case 'l' -> SyntheticArticles.PLACES[gen.skewed(SyntheticArticles.PLACES.length)][0];
            case 'c' -> SyntheticArticles.PLACES[gen.skewed(SyntheticArticles.PLACES.length)][1];
            case 'h' -> SyntheticArticles.host(gen.nextInt(50));
            case 'k' -> SyntheticArticles.CATEGORIES[gen.nextInt(SyntheticArticles.CATEGORIES.length)];
            default -> throw new IllegalArgumentException("unknown blank " + kind);
        };
    }

    /** A word past the grammatical head of the vocabulary: what analysts search for. */
    private static String topical(SyntheticArticles gen) {
        return SyntheticArticles.WORDS[40 + gen.nextInt(SyntheticArticles.WORDS.length - 40)];
    }

    private static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms",
                at(s, 0.50),
                at(s, 0.95),
                at(s, 0.99),
                s[s.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
