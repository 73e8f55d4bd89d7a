package io.newsmon.bench;

import com.sun.net.httpserver.HttpServer;
import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.RoundRobin;
import io.newsmon.sources.fetch.FetchSettings;
import io.newsmon.sources.politeness.PoliteFetcher;
import io.newsmon.sources.round.FetchRound;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon crawl-bench [--pages N] [--hosts H] [--threads T] [--batch B]}: the page fetcher of the
 * ingest service (politeness, SSRF guard, robots.txt, extraction, rounds of {@code B} pages spread across
 * hosts on {@code T} threads) against {@code H} local sites on 127.0.0.1 … 127.0.0.H serving {@code N}
 * article pages between them, listed site by site as feeds would list them. Runs once with politeness off
 * and once with the defaults (1 s between requests to a host), and prints pages/s and the process's peak
 * RSS. No database: it measures fetching and extraction, not storage.
 */
@Command(
        name = "crawl-bench",
        mixinStandardHelpOptions = true,
        description = {
            "Fetch and extraction speed of ingest's page fetcher (robots.txt, SSRF guard, politeness, extraction,"
                    + " rounds of --batch pages spread across hosts on --threads threads) against --hosts local sites"
                    + " on 127.0.0.1 … 127.0.0.H serving --pages article pages between them.",
            "Runs once with politeness off and once with the defaults (1 s between requests to a host), and prints"
                    + " pages/s for each and the process's peak RSS. No database: it measures fetching and extraction,"
                    + " not storage."
        })
public final class CrawlBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pages", paramLabel = "N", description = "article pages in all (default: ${DEFAULT-VALUE})")
    int pages = 1000;

    @Option(
            names = "--hosts",
            paramLabel = "H",
            description = "local sites, 1–250, each on its own loopback address (default: ${DEFAULT-VALUE})")
    int hosts = 50;

    @Option(names = "--threads", paramLabel = "T", description = "fetch threads (default: ${DEFAULT-VALUE})")
    int threads = 8;

    @Option(names = "--batch", paramLabel = "B", description = "pages per fetch round (default: ${DEFAULT-VALUE})")
    int batch = 32;

    @Override
    public Integer call() throws Exception {
        if (hosts < 1 || hosts > 250 || pages < hosts) {
            throw new ParameterException(spec.commandLine(), "--hosts must be 1–250 and --pages at least --hosts");
        }
        if (threads < 1 || batch < 1) {
            throw new ParameterException(spec.commandLine(), "--threads and --batch must be at least 1");
        }
        run(pages, hosts, threads, batch, spec.commandLine().getOut());
        return 0;
    }

    static void run(int pages, int hosts, int threads, int batch, PrintWriter out) throws Exception {
        ExecutorService serverThreads = Executors.newFixedThreadPool(16);
        List<HttpServer> servers = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        try {
            for (int h = 0; h < hosts; h++) {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0." + (h + 1), 0), 64);
                server.setExecutor(serverThreads);
                int site = h;
                server.createContext("/", exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    byte[] body = path.equals("/robots.txt")
                            ? "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.US_ASCII)
                            : page(site, path).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .set("Content-Type", path.endsWith(".txt") ? "text/plain" : "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream o = exchange.getResponseBody()) {
                        o.write(body);
                    }
                });
                server.start();
                servers.add(server);
            }
            // site by site, as the feeds of 50 sources polled one after another would list them
            for (int h = 0; h < hosts; h++) {
                int port = servers.get(h).getAddress().getPort();
                for (int i = h; i < pages; i += hosts) {
                    urls.add("http://127.0.0." + (h + 1) + ":" + port + "/news/2026/11/30/story-" + i
                            + "-about-the-harbour-and-the-winter-schedule");
                }
            }
            out.printf(
                    Locale.ROOT,
                    "crawl-bench: %d pages on %d local hosts, %d fetch threads, rounds of %d, %d cores%n",
                    urls.size(),
                    hosts,
                    threads,
                    batch,
                    Runtime.getRuntime().availableProcessors());
            FetchSettings local = FetchSettings.defaults().withAllowedRanges(List.of("127.0.0.0/8"));
            measure(
                    "politeness off",
                    local.withMinDelay(Duration.ZERO).withConcurrency(64, 64),
                    urls,
                    threads,
                    batch,
                    out);
            measure("defaults (1 s per host)", local, urls, threads, batch, out);
            out.printf(Locale.ROOT, "peak RSS of this process: %s%n", peakRss());
        } finally {
            servers.forEach(s -> s.stop(0));
            serverThreads.shutdownNow();
        }
    }

    private static void measure(
            String name, FetchSettings settings, List<String> urls, int threads, int batch, PrintWriter out)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            FetchRound round = new FetchRound(new PoliteFetcher(settings), pool);
            List<String> pending = new ArrayList<>(urls);
            int ok = 0;
            long start = System.nanoTime();
            while (!pending.isEmpty()) {
                // what ArticleQueue.claimAcrossSources does: round-robin over sources within the oldest 32 × batch
                List<String> window = pending.subList(0, Math.min(pending.size(), batch * ArticleQueue.SPREAD_WINDOW));
                List<String> hostsOfWindow = window.stream()
                        .map(u -> u.substring(0, u.indexOf('/', 8)))
                        .toList();
                List<String> claimed = new ArrayList<>(RoundRobin.pick(window, hostsOfWindow, batch));
                for (FetchRound.Outcome o : round.run(claimed)) {
                    ok += o.ok() ? 1 : 0;
                }
                pending.removeAll(claimed);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "%-24s %5d pages (%d extracted) in %6.1f s = %6.1f pages/s%n",
                    name,
                    urls.size(),
                    ok,
                    seconds,
                    urls.size() / seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String page(int site, String path) {
        StringBuilder b = new StringBuilder(6000);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Story ")
                .append(path)
                .append(" | Site ")
                .append(site)
                .append("</title></head><body><header><nav>");
        for (int i = 0; i < 20; i++) {
            b.append("<a href=\"/section-")
                    .append(i)
                    .append("\">Section ")
                    .append(i)
                    .append("</a> ");
        }
        b.append("</nav></header><article><h1>Harbour story ")
                .append(path.hashCode())
                .append("</h1>");
        for (int p = 0; p < 8; p++) {
            b.append("<p>Paragraph ")
                    .append(p)
                    .append(" of a story on site ")
                    .append(site)
                    .append(": the harbour board met on Tuesday to discuss the winter schedule, the pilots")
                    .append(" described the tides of the northern channel, and the fishermen asked for")
                    .append(" more berths near the old customs house before the storms arrive.</p>");
        }
        b.append("</article><footer>© Site ").append(site).append("</footer></body></html>");
        return b.toString();
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kb / 1024) + " MB";
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
