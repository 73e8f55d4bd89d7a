package io.newsmon.ingest.extract;

import java.time.Instant;
import java.util.List;

/** What extraction found on a page; any field may be null when the page does not say. */
public record ExtractedArticle(
        String title,
        String body,
        List<String> authors,
        Instant published,
        String language,
        String canonicalUrl,
        String description) {

    public boolean hasBody() {
        return body != null && !body.isBlank();
    }
}
