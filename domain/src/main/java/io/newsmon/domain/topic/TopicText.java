package io.newsmon.domain.topic;

/**
 * The one text a saved topic runs: {@code (query) AND (filter)}, or the query alone when there is no filter. The
 * search library's {@code TopicQuery} parses it and maps error positions back to each part.
 */
public final class TopicText {

    private TopicText() {}

    public static String combine(String query, String filter) {
        return filter == null || filter.isBlank() ? query : "(" + query + ") AND (" + filter + ")";
    }
}
