package io.newsmon.domain.article;

/**
 * An article's text as enrichment reads it: the title, a blank line, the body. Stored entity offsets (and the
 * API's {@code start}/{@code end} of each mention) point into this string, so it is built here only.
 */
public final class ArticleText {

    private ArticleText() {}

    /** {@code title + "\n\n" + body}; a missing or blank title adds nothing, a missing body is empty. */
    public static String of(String title, String body) {
        String b = body == null ? "" : body;
        return title == null || title.isBlank() ? b : title + "\n\n" + b;
    }
}
