package io.newsmon.web.api;

/** The api could not be reached or answered with an error the dashboard cannot show as data. */
public class ApiUnavailableException extends RuntimeException {

    private final int status;

    public ApiUnavailableException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
