package io.newsmon.cli;

import io.newsmon.bench.CrawlBench;
import io.newsmon.bench.EnrichBench;
import io.newsmon.bench.ExtractBench;
import io.newsmon.bench.MatchBench;
import io.newsmon.bench.SearchBench;
import io.newsmon.cli.imports.ImportCommand;
import io.newsmon.cli.platform.ReindexCommand;
import io.newsmon.cli.platform.RequeueCommand;
import io.newsmon.cli.platform.ResendCommand;
import io.newsmon.cli.platform.SearchCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code newsmon}: the tools that work on files, without the platform running, {@code crawl}, and the verbs that call a
 * running platform's api (search, import, reindex, requeue, resend). The {@code ./newsmon} launcher runs this
 * for these verbs and keeps only process supervision (up, down, status, logs).
 */
@Command(
        name = "newsmon",
        mixinStandardHelpOptions = true,
        versionProvider = Newsmon.Version.class,
        description = {
            "newsmon's tools on files (extraction, enrichment and the benchmarks of module bench), crawl (trying a"
                    + " source on the web) and the verbs that call the running platform's api (search, import, reindex,"
                    + " requeue, resend).",
            "Exit codes: 0 done, 1 failed (the platform refused or did not answer), 2 a usage error."
        },
        subcommands = {
            ExtractCommand.class,
            ScoreCommand.class,
            ExtractBench.class,
            EnrichCommand.class,
            EntitiesCommand.class,
            EntitiesEvalCommand.class,
            EnrichBench.class,
            MatchBench.class,
            SearchBench.class,
            SearchCommand.class,
            ImportCommand.class,
            ReindexCommand.class,
            RequeueCommand.class,
            ResendCommand.class,
            CrawlCommand.class,
            CrawlBench.class,
            CommandLine.HelpCommand.class
        })
public final class Newsmon implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;

    Newsmon() {
        this(System.getenv());
    }

    private Newsmon(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, System.getenv(), args));
    }

    /** Runs one verb with the process's environment; see {@link #run(PrintStream, PrintStream, Map, String...)}. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /**
     * Runs one verb; returns its exit code: 0 done, 1 failed on the way, 2 a usage error or a missing file. The
     * verbs that call the platform read their settings (NEWSMON_API_URL, NEWSMON_USER …) from {@code env}.
     */
    public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new Newsmon(Map.copyOf(env)));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        // a query may start with a minus (-storm iran) or hold one that looks like an option
        cli.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getCommandName() + ": " + e.getMessage());
            return e instanceof CommandFailure f ? f.exitCode() : 1;
        });
        return cli.execute(args);
    }

    /** The environment the verbs read their settings from. */
    public Map<String, String> env() {
        return env;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see --help)");
    }

    /** The project's version, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Newsmon.class.getPackage().getImplementationVersion();
            return new String[] {"newsmon " + (v == null ? "(development build)" : v)};
        }
    }
}
