package io.newsmon.web.sources;

import io.newsmon.domain.dto.SourceTrialView;
import io.newsmon.domain.dto.TrialLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A source trial as the add form shows it: its lines, a one-line verdict, and whether the page should refresh
 * itself again: while ingest runs it, and not once it has waited so long that ingest is probably down. While
 * the page refreshes the form is not shown, so nothing typed into it is lost to a refresh.
 */
public record TrialPanel(
        SourceTrialView trial, List<TrialPanel.Row> lines, String verdict, boolean refresh, boolean stalled) {

    /** A trial still waiting after this long is probably not reaching ingest: the page says so. */
    static final Duration STALLED_AFTER = Duration.ofSeconds(30);

    static TrialPanel of(SourceTrialView t, Instant now) {
        boolean stalled = "PENDING".equals(t.state())
                && t.createdAt() != null
                && t.createdAt().plus(STALLED_AFTER).isBefore(now);
        List<Row> rows =
                t.lines().stream().map(l -> new Row(l, instant(l.published()))).toList();
        return new TrialPanel(t, rows, verdict(t), !t.finished() && !stalled, stalled);
    }

    /** One tried URL as the page shows it, with its publication time parsed (null when absent or unreadable). */
    public record Row(TrialLine line, Instant published) {}

    private static Instant instant(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String verdict(SourceTrialView t) {
        int n = t.lines().size();
        return switch (t.state()) {
            case "PENDING" -> "Waiting for ingest to take the trial…";
            case "RUNNING" -> "Fetching: " + n + " URL" + (n == 1 ? "" : "s") + " tried so far…";
            case "FAILED" -> "The trial stopped: " + t.error();
            default ->
                n == 0
                        ? "Nothing was found to try."
                        : t.ok() + " of " + n + " URL" + (n == 1 ? "" : "s") + " gave an article"
                                + (t.ok() == 0 ? ": check the URL and the errors below before adding it." : ".");
        };
    }
}
