package io.newsmon.cli.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.cli.CommandFailure;
import io.newsmon.cli.Newsmon;
import io.newsmon.cli.platform.PlatformClient;
import io.newsmon.cli.platform.Progress;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon import FILE.jsonl|FILE.warc[.gz] [--no-wait]}: backfills articles into the running platform
 * ({@code POST /api/imports}, JSON lines streamed, never held whole), then waits until every one is enriched and
 * indexed, with a progress bar on standard error. A WARC file is converted on the way ({@link WarcToJsonl}).
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Backfills articles into the running platform: one JSON object a line (url, title, body, published,"
                    + " source, language); they are enriched like fetched pages. Prints the api's report as JSON"
                    + " ({\"imported\",\"duplicates\",\"failed\",\"errors\":[{\"line\",\"reason\"}]}), then waits"
                    + " with a progress bar until they are searchable (NEWSMON_IMPORT_WAIT seconds at most, 900).",
            "A WARC file (.warc, .warc.gz) is converted on the way: the article of every HTML page captured with"
                    + " status 200 is extracted, other records are skipped, damaged ones reported.",
            "Needs the admin role: logs in as NEWSMON_USER / NEWSMON_PASSWORD (default admin / admin)."
        })
public final class ImportCommand implements Callable<Integer> {

    static final Duration POLL = Duration.ofSeconds(1);
    static final int DEFAULT_WAIT_SECONDS = 900;
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);
    private static final String CONTENT_TYPE = "application/x-ndjson";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Newsmon root;

    @Parameters(paramLabel = "FILE", description = "FILE.jsonl (also .ndjson, .json) or FILE.warc[.gz]")
    Path file;

    @Option(names = "--no-wait", description = "return once the api has taken the articles")
    boolean noWait;

    /** How the WARC conversion ended when it gave nothing to send. */
    private int conversionStatus;

    @Override
    public Integer call() throws Exception {
        String expected = "a .jsonl file (one JSON object a line) or a .warc / .warc.gz file";
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), file + ": no such file (" + expected + ")");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean warc = name.endsWith(".warc") || name.endsWith(".warc.gz");
        if (!warc && !name.endsWith(".jsonl") && !name.endsWith(".ndjson") && !name.endsWith(".json")) {
            throw new ParameterException(spec.commandLine(), file + ": expected " + expected);
        }
        int wait = waitSeconds();
        PlatformClient api = PlatformClient.from(root.env(), "admin", "admin");
        api.token(); // a login that fails says so before a large file is read
        PrintWriter out = spec.commandLine().getOut();
        PlatformClient.Answer answer;
        if (warc) {
            answer = uploadWarc(api);
            if (answer == null) {
                return conversionStatus;
            }
        } else {
            HttpRequest.BodyPublisher body;
            try {
                body = HttpRequest.BodyPublishers.ofFile(file);
            } catch (FileNotFoundException e) {
                throw new ParameterException(spec.commandLine(), file + ": no such file (" + expected + ")");
            }
            answer = api.post("/api/imports", Map.of(), body, CONTENT_TYPE, null);
        }
        api.expect(answer, "the import");
        out.println(answer.body().strip());
        if (!noWait) {
            awaitSearchable(api, wait);
        }
        return 0;
    }

    /**
     * Converts the WARC file on a thread of its own and streams its lines to the api as they come. Returns null
     * (and sets {@link #conversionStatus}) when there was nothing to send: not a WARC (2), or no article (0).
     */
    private PlatformClient.Answer uploadWarc(PlatformClient api) throws IOException, InterruptedException {
        Pipe pipe = new Pipe();
        PrintWriter err = spec.commandLine().getErr();
        AtomicInteger status = new AtomicInteger(2);
        AtomicReference<Throwable> crash = new AtomicReference<>();
        Thread converter = new Thread(
                () -> {
                    try (OutputStream lines = pipe.output()) {
                        status.set(WarcToJsonl.run(file, lines, err));
                    } catch (IOException e) {
                        // the upload ended: its answer says why
                    } catch (RuntimeException | Error e) {
                        crash.set(e);
                        pipe.fail(e);
                    }
                },
                "warc-to-jsonl");
        converter.setDaemon(true);
        converter.start();
        Pipe.Input lines = pipe.input();
        try {
            boolean any;
            try {
                any = lines.awaitData();
            } catch (IOException e) {
                throw new CommandFailure(1, file + ": the WARC conversion failed: " + crash.get(), e);
            }
            if (!any) {
                converter.join();
                conversionStatus = status.get();
                if (conversionStatus == 0) {
                    spec.commandLine().getOut().println(file + ": no articles to import");
                }
                return null;
            }
            try {
                return api.post(
                        "/api/imports",
                        Map.of(),
                        HttpRequest.BodyPublishers.ofInputStream(() -> lines),
                        CONTENT_TYPE,
                        null);
            } catch (CommandFailure e) {
                if (crash.get() != null) {
                    throw new CommandFailure(1, file + ": the WARC conversion failed: " + crash.get(), crash.get());
                }
                throw e;
            }
        } finally {
            lines.close();
            converter.join();
        }
    }

    private int waitSeconds() {
        String v = root.env().get("NEWSMON_IMPORT_WAIT");
        if (v == null || v.isBlank()) {
            return DEFAULT_WAIT_SECONDS;
        }
        try {
            int seconds = Integer.parseInt(v.strip());
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ParameterException(
                spec.commandLine(), "NEWSMON_IMPORT_WAIT must be a whole number of seconds, got '" + v + "'");
    }

    /**
     * Waits until nothing waits for enrichment and the search index has caught up with the database, with a
     * progress bar on standard error over the articles still to enrich; gives up (exit 1) after {@code seconds}.
     */
    private void awaitSearchable(PlatformClient api, int seconds) throws InterruptedException {
        Progress progress = new Progress(spec.commandLine().getErr());
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long most = 0;
        long pending;
        while (true) {
            JsonNode status = api.expect(api.get("/api/search/status", Map.of(), STATUS_TIMEOUT), "the search status");
            pending = status.path("pending").asLong();
            long indexed = status.path("indexedSeq").asLong();
            long database = status.path("databaseSeq").asLong();
            if (status.path("ready").asBoolean() && pending == 0 && indexed >= database) {
                progress.clear();
                spec.commandLine().getOut().println("searchable: every imported article is enriched and indexed");
                return;
            }
            most = Math.max(most, pending);
            progress.show(Progress.bar(most - pending, most) + "  waiting: " + pending
                    + " articles to enrich, index at sequence " + indexed + " of " + database);
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        progress.end();
        throw new CommandFailure(
                1,
                "gave up waiting after " + seconds + " s (" + pending
                        + " still to enrich); is nlp running? (./newsmon status)");
    }
}
