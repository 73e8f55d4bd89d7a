package io.newsmon.domain.dto;

/**
 * One URL of a source trial, as {@code ./newsmon crawl} prints it: {@code status} is ok, error, duplicate
 * or skipped; {@code title}, {@code published} (ISO-8601) and {@code bodyLength} describe what was
 * extracted, {@code error} says why a URL was not.
 */
public record TrialLine(String url, String status, String title, String published, int bodyLength, String error) {

    public boolean ok() {
        return "ok".equals(status);
    }
}
