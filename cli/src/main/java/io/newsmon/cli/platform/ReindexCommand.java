package io.newsmon.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.cli.CommandFailure;
import io.newsmon.cli.Newsmon;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon reindex}: drops the running api's search index and rebuilds it from the database ({@code POST
 * /api/search/reindex}), with a progress bar on standard error until the index has caught up.
 */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
            "Drops the running api's search index and rebuilds it from the database, with a progress bar on"
                    + " standard error; prints how many articles the index holds when it has caught up.",
            "Needs the admin role: logs in as NEWSMON_USER / NEWSMON_PASSWORD (default admin / admin)."
        })
public final class ReindexCommand implements Callable<Integer> {

    static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @ParentCommand
    Newsmon root;

    @Override
    public Integer call() throws InterruptedException {
        PlatformClient api = PlatformClient.from(root.env(), "admin", "admin");
        api.expect(api.post("/api/search/reindex", Map.of(), null, null, TIMEOUT), "the rebuild");
        Progress progress = new Progress(spec.commandLine().getErr());
        long docs;
        while (true) {
            JsonNode status = api.expect(api.get("/api/search/status", Map.of(), TIMEOUT), "the index status");
            docs = status.path("documents").asLong();
            progress.show(Progress.bar(
                            status.path("indexedSeq").asLong(),
                            status.path("databaseSeq").asLong()) + "  " + docs + " articles");
            if (status.path("ready").asBoolean()) {
                break;
            }
            String failure = status.path("failure").asText("");
            if (!failure.isBlank()) {
                progress.end();
                throw new CommandFailure(
                        1,
                        "the search index stopped: " + failure
                                + " (the api keeps trying to reopen it; ./newsmon logs api)");
            }
            Thread.sleep(POLL.toMillis());
        }
        progress.end();
        spec.commandLine().getOut().println("search index rebuilt: " + docs + " articles");
        return 0;
    }
}
