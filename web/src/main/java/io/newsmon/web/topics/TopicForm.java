package io.newsmon.web.topics;

import io.newsmon.domain.dto.TopicRequest;
import io.newsmon.domain.dto.TopicView;
import java.util.Arrays;
import java.util.List;

/**
 * The topic form as typed: what is shown back after a preview or a refusal, and what becomes the api
 * request. {@code error}/{@code errorField}/{@code caret} describe a refusal; {@code caret} points under
 * the query at the position the api named.
 */
public record TopicForm(
        Long id,
        String name,
        String query,
        String filter,
        String alertMode,
        String digestTime,
        String digestWeekday,
        String timeZone,
        String recipients,
        boolean stem,
        String error,
        String errorField,
        String caret) {

    public static final List<String> MODES = List.of("INSTANT", "HOURLY", "DAILY", "WEEKLY", "OFF");
    public static final List<String> WEEKDAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    /** The fields as typed, without an error. */
    public static TopicForm typed(
            Long id,
            String name,
            String query,
            String filter,
            String alertMode,
            String digestTime,
            String digestWeekday,
            String timeZone,
            String recipients,
            boolean stem) {
        return new TopicForm(
                id,
                name,
                query,
                filter,
                alertMode,
                digestTime,
                digestWeekday,
                timeZone,
                recipients,
                stem,
                null,
                null,
                null);
    }

    /**
     * A new topic's form carrying a search (from the search page or an entity's "alert me"); its digests
     * are timed in {@code timeZone}, the zone the dashboard shows times in.
     */
    public static TopicForm prefilled(String name, String query, String filter, boolean stem, String timeZone) {
        String q = query == null ? "" : query.strip();
        String n = name == null || name.isBlank() ? (q.length() > 60 ? q.substring(0, 60) : q) : name.strip();
        return typed(null, n, q, filter == null ? "" : filter.strip(), "INSTANT", "08:00", "1", timeZone, "", stem);
    }

    public static TopicForm of(TopicView t) {
        return new TopicForm(
                t.id(),
                t.name(),
                t.query(),
                t.filter() == null ? "" : t.filter(),
                t.alertMode(),
                t.digestTime(),
                String.valueOf(t.digestWeekday()),
                t.timeZone(),
                String.join(
                        "\n",
                        t.recipients().stream().map(TopicView.Recipient::email).toList()),
                t.stem(),
                null,
                null,
                null);
    }

    public TopicForm withError(String field, String message, Integer position) {
        String c = null;
        if (position != null && position >= 0) {
            String target = "filter".equals(field) ? filter : query;
            if (target != null && position <= target.length()) {
                c = " ".repeat(position) + "^";
            }
        }
        return new TopicForm(
                id,
                name,
                query,
                filter,
                alertMode,
                digestTime,
                digestWeekday,
                timeZone,
                recipients,
                stem,
                message,
                field,
                c);
    }

    public TopicRequest request() {
        Integer weekday;
        try {
            weekday = digestWeekday == null || digestWeekday.isBlank() ? null : Integer.valueOf(digestWeekday.strip());
        } catch (NumberFormatException e) {
            weekday = 0; // the api names the field and the allowed range
        }
        List<String> emails = recipients == null
                ? List.of()
                : Arrays.stream(recipients.split("[\\n,;]+"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new TopicRequest(
                name,
                query,
                filter == null ? "" : filter,
                alertMode,
                digestTime,
                weekday,
                timeZone,
                null,
                stem,
                emails);
    }

    public List<String> modes() {
        return MODES;
    }

    public List<String> weekdays() {
        return WEEKDAYS;
    }

    public boolean hasError(String field) {
        return field.equals(errorField);
    }
}
