package io.newsmon.web.dashboard;

/**
 * The api refused what a page sent (HTTP 400): its message, the field it names and, for a query, the
 * 0-based position. A form catches it to show the error beside the field; elsewhere it is an error page.
 */
public class ApiRefused extends DashboardException {

    private final String field;
    private final Integer position;

    public ApiRefused(String message, String field, Integer position) {
        super(400, "Not accepted", message);
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
