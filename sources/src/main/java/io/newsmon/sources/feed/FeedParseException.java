package io.newsmon.sources.feed;

/** The document is not a feed this parser understands; the message says what it is instead. */
public class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
