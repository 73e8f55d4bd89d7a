package io.newsmon.sources.fetch;

import java.time.Duration;

/** A fetch that did not produce a usable body; the message is fit to show a source's owner. */
public class FetchException extends Exception {

    private final int status;
    private final Duration retryAfter;
    private boolean transientFailure;

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

    /**
     * A failure that may well not happen again: a timeout, a refused or reset connection, a name that did
     * not resolve, a full queue. Such a page is tried again later instead of being given up.
     */
    public static FetchException transientFailure(String message) {
        FetchException e = new FetchException(message);
        e.transientFailure = true;
        return e;
    }

    /** {@link #transientFailure(String)} with its cause. */
    public static FetchException transientFailure(String message, Throwable cause) {
        FetchException e = new FetchException(message, cause);
        e.transientFailure = true;
        return e;
    }

    /**
     * True when trying again later may succeed: a transient failure, or an HTTP answer that says so
     * (408, 425, 429, 5xx). A 404, a 410, a refused address, a page too large or not HTML is permanent.
     */
    public boolean isTransient() {
        return transientFailure || status == 408 || status == 425 || status == 429 || status >= 500;
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
