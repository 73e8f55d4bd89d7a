package io.newsmon.seeds.newsroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The articles of the demo newsroom, loaded from classpath resources and ordered newest first. */
public final class NewsroomCatalog {

    /** The site's sections, in navigation order. */
    public static final List<String> SECTIONS = List.of("world", "business", "science");

    private static final String ARTICLES = "/newsroom/articles/";

    private final List<NewsroomArticle> articles;

    /** Loads the bundled articles listed in {@code newsroom/articles/index.txt} on the classpath. */
    public NewsroomCatalog() {
        this(readIndex().stream()
                .map(file -> ArticleFile.parse(slugOf(file), read(file)))
                .toList());
    }

    /** Builds a catalog from the given articles; slugs must be unique and sections known. */
    public NewsroomCatalog(Collection<NewsroomArticle> articles) {
        Set<String> slugs = new HashSet<>();
        for (NewsroomArticle article : articles) {
            if (!slugs.add(article.slug())) {
                throw new IllegalArgumentException("duplicate article slug: " + article.slug());
            }
            if (!SECTIONS.contains(article.section())) {
                throw new IllegalArgumentException(article.slug() + ": unknown section " + article.section());
            }
        }
        this.articles = articles.stream()
                .sorted(Comparator.comparing(NewsroomArticle::published, OffsetDateTime.timeLineOrder())
                        .reversed()
                        .thenComparing(NewsroomArticle::slug))
                .toList();
    }

    /** All articles, newest first. */
    public List<NewsroomArticle> articles() {
        return articles;
    }

    /** The article with this slug, if any. */
    public Optional<NewsroomArticle> find(String slug) {
        return articles.stream().filter(a -> a.slug().equals(slug)).findFirst();
    }

    /** The site's sections, in navigation order. */
    public List<String> sections() {
        return SECTIONS;
    }

    /** Articles of one section, newest first; empty for an unknown section. */
    public List<NewsroomArticle> inSection(String section) {
        return articles.stream().filter(a -> a.section().equals(section)).toList();
    }

    private static List<String> readIndex() {
        return read("index.txt")
                .lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    // "07-some-slug.txt" -> "some-slug": the number only fixes the order of the files.
    private static String slugOf(String file) {
        String name = file.endsWith(".txt") ? file.substring(0, file.length() - 4) : file;
        return name.replaceFirst("^\\d+-", "");
    }

    private static String read(String file) {
        try (InputStream in = NewsroomCatalog.class.getResourceAsStream(ARTICLES + file)) {
            if (in == null) {
                throw new IllegalStateException("missing newsroom resource " + ARTICLES + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read newsroom resource " + ARTICLES + file, e);
        }
    }
}
