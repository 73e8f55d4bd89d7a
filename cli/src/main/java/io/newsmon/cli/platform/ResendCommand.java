package io.newsmon.cli.platform;

import io.newsmon.cli.Newsmon;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code newsmon resend [--topic ID] [--since TIME|DATE] [--delivery ID]}. */
@Command(
        name = "resend",
        mixinStandardHelpOptions = true,
        description = {
            "Sends alert e-mails that were given up (FAILED) again, with a fresh give-up age: all of them, a topic's,"
                    + " those created since a time, or one delivery; prints how many went back to pending."
                    + " Addresses that already got one are not sent a second.",
            "Needs the admin role: logs in as NEWSMON_USER / NEWSMON_PASSWORD (default admin / admin)."
        })
public final class ResendCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @Spec
    CommandSpec spec;

    @ParentCommand
    Newsmon root;

    @Option(names = "--topic", paramLabel = "ID", description = "only this topic's alerts")
    Long topic;

    @Option(
            names = "--since",
            paramLabel = "TIME|DATE",
            description = "only those created at or after it: 2026-12-01 (UTC) or 2026-12-01T06:00:00Z")
    String since;

    @Option(
            names = "--delivery",
            paramLabel = "ID",
            description = "this one delivery (GET /api/alerts/deliveries?topic=ID lists them); no other filter")
    Long delivery;

    @Override
    public Integer call() {
        if (delivery != null && (topic != null || since != null)) {
            throw new ParameterException(
                    spec.commandLine(), "--delivery resends one delivery; it takes no --topic or --since");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("topic", topic == null ? null : topic.toString());
        query.put("since", since);
        String path =
                delivery == null ? "/api/alerts/deliveries/resend" : "/api/alerts/deliveries/" + delivery + "/resend";
        PlatformClient api = PlatformClient.from(root.env(), "admin", "admin");
        long n = api.expect(api.post(path, query, null, null, TIMEOUT), "the resend")
                .path("resent")
                .asLong();
        spec.commandLine()
                .getOut()
                .println("resent " + n + " FAILED alert e-mail(s); they go out within newsmon.alerts.interval");
        return 0;
    }
}
