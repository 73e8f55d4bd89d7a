package io.newsmon.ingest.fetch;

/** A fetch that did not produce a usable body; the message is fit to show a source's owner. */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
