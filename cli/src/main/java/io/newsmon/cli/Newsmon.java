package io.newsmon.cli;

import io.newsmon.bench.EnrichBench;
import io.newsmon.bench.ExtractBench;
import io.newsmon.bench.MatchBench;
import io.newsmon.bench.SearchBench;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code newsmon}: the tools that work on files, without the platform running. The {@code ./newsmon} launcher
 * runs this for these verbs and keeps only process supervision (up, down, status, logs) and the calls to the
 * running platform.
 */
@Command(
        name = "newsmon",
        mixinStandardHelpOptions = true,
        versionProvider = Newsmon.Version.class,
        description = "newsmon's tools on files: extraction, enrichment and the benchmarks (module bench).",
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
            CommandLine.HelpCommand.class
        })
public final class Newsmon implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one verb; returns its exit code: 0 done, 1 failed on the way, 2 a usage error or a missing file. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new Newsmon());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
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
