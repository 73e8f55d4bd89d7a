package io.newsmon.domain.dto;

import java.time.Instant;
import java.util.List;

/**
 * A source trial as the api shows it: {@code state} PENDING (waiting for ingest), RUNNING, DONE or FAILED
 * (with {@code error}); {@code lines} holds one result per URL tried so far, {@code ok} how many of them gave
 * an article; {@code existingSourceId} names the source that already has this URL, if one does.
 */
public record SourceTrialView(
        long id,
        String url,
        int maxArticles,
        String state,
        Instant createdAt,
        Instant finishedAt,
        String error,
        List<TrialLine> lines,
        int ok,
        Long existingSourceId) {

    public boolean finished() {
        return "DONE".equals(state) || "FAILED".equals(state);
    }
}
