package io.newsmon.web.dashboard;

/** An error the dashboard shows as a page: a status, a heading and a sentence for the analyst. */
public class DashboardException extends RuntimeException {

    private final int status;
    private final String title;

    public DashboardException(int status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
