package io.newsmon.seeds.newsroom;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** One fictional story of the demo newsroom, as loaded from the bundled article files. */
public record NewsroomArticle(
        String slug,
        String section,
        String title,
        String description,
        String author,
        OffsetDateTime published,
        String language,
        String dateline,
        List<String> paragraphs,
        List<String> tags,
        String caption) {

    public NewsroomArticle {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(dateline, "dateline");
        paragraphs = List.copyOf(paragraphs);
        tags = List.copyOf(tags);
        caption = caption == null || caption.isBlank() ? title : caption;
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("article " + slug + " has no paragraphs");
        }
    }

    /** Creates an article without tags, captioning its lead image with the headline. */
    public NewsroomArticle(
            String slug,
            String section,
            String title,
            String description,
            String author,
            OffsetDateTime published,
            String language,
            String dateline,
            List<String> paragraphs) {
        this(slug, section, title, description, author, published, language, dateline, paragraphs, List.of(), null);
    }

    /** Site-relative URL of the article page, for example {@code /world/2026/11/27/some-slug.html}. */
    public String path() {
        return String.format(
                "/%s/%04d/%02d/%02d/%s.html",
                section, published.getYear(), published.getMonthValue(), published.getDayOfMonth(), slug);
    }

    /** The whole body as plain text, paragraphs separated by blank lines. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
