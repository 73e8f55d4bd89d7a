package io.newsmon.search.query;

/**
 * A query that cannot run, with the character position (0-based) the problem is at, and the limit's name
 * when a limit refused it.
 */
public class QueryException extends RuntimeException {

    private final int position;
    private final String limit;

    public QueryException(String message, int position) {
        this(message, position, null);
    }

    public QueryException(String message, int position, String limit) {
        super(message);
        this.position = position;
        this.limit = limit;
    }

    /** 0-based character offset into the query, or -1 when the problem is the query as a whole. */
    public int position() {
        return position;
    }

    /** The configuration key of the limit that refused the query, or null. */
    public String limit() {
        return limit;
    }
}
