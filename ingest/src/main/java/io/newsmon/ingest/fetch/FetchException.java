package io.newsmon.ingest.fetch;

/** A fetch that did not produce a usable body; the message is fit to show a source's owner. */
public class FetchException extends Exception {

    private final int status;

    public FetchException(String message) {
        this(message, -1);
    }

    /** A failure that was an HTTP answer: {@code status} is its code. */
    public FetchException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the server answered with, or -1 when it did not answer at all. */
    public int status() {
        return status;
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }
}
