package io.newsmon.domain.pipeline;

/** Another worker took the article over (this one's lease expired); this worker's result is dropped. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(long articleId) {
        super("lease on article " + articleId + " was lost");
    }
}
