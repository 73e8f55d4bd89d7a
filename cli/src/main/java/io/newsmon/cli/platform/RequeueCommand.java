package io.newsmon.cli.platform;

import io.newsmon.cli.Newsmon;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code newsmon requeue [--source ID] [--stage fetch|enrich] [--kind permanent|transient|stalled]}. */
@Command(
        name = "requeue",
        mixinStandardHelpOptions = true,
        description = {
            "Puts FAILED articles back in the stage they failed in, with fresh attempts (POST"
                    + " /api/articles/requeue), and prints how many went back. Without filters: every FAILED article.",
            "Needs the admin role: logs in as NEWSMON_USER / NEWSMON_PASSWORD (default admin / admin)."
        })
public final class RequeueCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;

    @ParentCommand
    Newsmon root;

    @Option(names = "--source", paramLabel = "ID", description = "only the articles of this source")
    Long source;

    @Option(names = "--stage", paramLabel = "fetch|enrich", description = "only those that failed in this stage")
    String stage;

    @Option(names = "--kind", paramLabel = "permanent|transient|stalled", description = "only failures of this kind")
    String kind;

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("source", source == null ? null : source.toString());
        query.put("stage", stage);
        query.put("kind", kind);
        PlatformClient api = PlatformClient.from(root.env(), "admin", "admin");
        long n = api.expect(api.post("/api/articles/requeue", query, null, null, TIMEOUT), "the requeue")
                .path("requeued")
                .asLong();
        spec.commandLine().getOut().println("requeued " + n + " FAILED articles");
        return 0;
    }
}
