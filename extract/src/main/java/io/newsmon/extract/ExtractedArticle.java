package io.newsmon.extract;

import java.time.Instant;
import java.util.List;

/**
 * What extraction found on a page. Any field may be null (authors empty) when the page does not say;
 * {@code problem} says why the result is empty or partial, and is null when nothing went wrong.
 */
public record ExtractedArticle(
        String title,
        String body,
        List<String> authors,
        Instant published,
        Instant modified,
        String section,
        String language,
        String canonicalUrl,
        String description,
        String image,
        String imageCaption,
        String siteName,
        String credit,
        String problem) {

    public ExtractedArticle {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** A result with nothing in it but the reason. */
    public static ExtractedArticle failed(String problem) {
        return new ExtractedArticle(
                null, null, List.of(), null, null, null, null, null, null, null, null, null, null, problem);
    }

    public boolean hasBody() {
        return body != null && !body.isBlank();
    }

    ExtractedArticle withProblem(String why) {
        return new ExtractedArticle(
                title,
                body,
                authors,
                published,
                modified,
                section,
                language,
                canonicalUrl,
                description,
                image,
                imageCaption,
                siteName,
                credit,
                why);
    }
}
