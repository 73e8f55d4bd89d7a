package io.newsmon.search;

/**
 * A search the library will not run, with what a client needs to fix it: the HTTP status it stands for (400 for a
 * bad query or field, 503 for a search that ran out of time), the request field, the reason, the 0-based position
 * in the query (-1 when it concerns the whole query) and the configuration key of the limit that refused it.
 */
public final class SearchRefusedException extends RuntimeException {

    private final int status;
    private final String field;
    private final String reason;
    private final int position;
    private final String limit;

    private SearchRefusedException(int status, String field, String reason, int position, String limit) {
        super(field == null ? reason : field + ": " + reason);
        this.status = status;
        this.field = field;
        this.reason = reason;
        this.position = position;
        this.limit = limit;
    }

    /** A query the analyst query language refused, with its position and, for a limit, the limit's key. */
    public static SearchRefusedException badQuery(String field, String reason, int position, String limit) {
        return new SearchRefusedException(400, field, reason, position, limit);
    }

    /** A request field with a value the search cannot use. */
    public static SearchRefusedException badField(String field, String reason) {
        return new SearchRefusedException(400, field, reason, -1, null);
    }

    /** The search took longer than the limit under {@code limitKey}. */
    public static SearchRefusedException timedOut(String reason, String limitKey) {
        return new SearchRefusedException(503, null, reason, -1, limitKey);
    }

    public int status() {
        return status;
    }

    /** The request field at fault, or null for a search that timed out. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    public int position() {
        return position;
    }

    public String limit() {
        return limit;
    }
}
