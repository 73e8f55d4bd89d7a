package io.newsmon.search.query;

import io.newsmon.domain.topic.TopicText;

/**
 * The one query a saved topic runs: its query ANDed with its filter. nlp matches articles with exactly this
 * text and these limits, and the api validates a topic on save (and shows whether it can run) with the same
 * two, so a topic that saves is a topic that matches.
 */
public final class TopicQuery {

    private TopicQuery() {}

    /** {@code (query) AND (filter)}, or the query alone when there is no filter ({@link TopicText}). */
    public static String combine(String query, String filter) {
        return TopicText.combine(query, filter);
    }

    /** Where the filter starts in {@link #combine}'s text. */
    static int filterOffset(String query) {
        return query.length() + "() AND (".length();
    }

    /** Parses the combined query as nlp runs it; a {@link QueryException}'s position is into the combined text. */
    public static AnalystQuery parse(String query, String filter, boolean stem, QueryLimits limits) {
        return AnalystQuery.parse(combine(query, filter), limits, stem);
    }

    /** Which field a position in the combined text falls in, and the position inside that field. */
    public record Located(String field, int position) {}

    /** Maps a position of the combined text back to {@code query} or {@code filter} (-1 stays -1). */
    public static Located locate(String query, String filter, int position) {
        if (filter == null || filter.isBlank()) {
            return new Located("query", position);
        }
        if (position < 0) {
            return new Located("query", -1);
        }
        int filterAt = filterOffset(query);
        if (position >= filterAt) {
            return new Located("filter", Math.min(position - filterAt, filter.length()));
        }
        return new Located("query", Math.max(0, Math.min(position - 1, query.length())));
    }
}
