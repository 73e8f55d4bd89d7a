package io.newsmon.ingest.fetch;

import java.time.Duration;

/** A fetch that did not produce a usable body; the message is fit to show a source's owner. */
public class FetchException extends Exception {

    private final int status;
    private final Duration retryAfter;

    public FetchException(String message) {
        this(message, -1);
    }

    /** A failure that was an HTTP answer: {@code status} is its code. */
    public FetchException(String message, int status) {
        this(message, status, null);
    }

    /** An HTTP error whose server said when to come back (429, 503 with Retry-After). */
    public FetchException(String message, int status, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** How long the server asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The HTTP status the server answered with, or -1 when it did not answer at all. */
    public int status() {
        return status;
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.retryAfter = null;
    }
}
