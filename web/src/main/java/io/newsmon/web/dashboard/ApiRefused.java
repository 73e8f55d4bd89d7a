package io.newsmon.web.dashboard;

/**
 * The api refused what a page sent (HTTP 400, 409 or 429): its message, the field it names and, for a query, the
 * 0-based position. A form catches it to show the error beside the field; elsewhere it is an error page.
 */
public class ApiRefused extends DashboardException {

    private final String field;
    private final Integer position;

    public ApiRefused(String message, String field, Integer position) {
        this(400, message, field, position);
    }

    /** A refusal with the api's own status: 400, 409 (exists already) or 429 (too many at once). */
    public ApiRefused(int status, String message, String field, Integer position) {
        super(status, "Not accepted", message);
        this.field = field;
        this.position = position;
    }

    public String field() {
        return field;
    }

    public Integer position() {
        return position;
    }
}
