package io.newsmon.domain.article;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The IPTC Media Topic top level, as the categories enrichment assigns and analysts filter by. */
public enum Category {
    POLITICS("politics", "politics"),
    CONFLICT("conflict", "conflict, war and peace"),
    CRIME("crime", "crime, law and justice"),
    ECONOMY("economy", "economy, business and finance"),
    SCIENCE("science", "science and technology"),
    HEALTH("health", "health"),
    ENVIRONMENT("environment", "environment"),
    SPORT("sport", "sport"),
    ARTS("arts", "arts, culture and entertainment"),
    DISASTER("disaster", "disaster and accident"),
    SOCIETY("society", "society"),
    LIFESTYLE("lifestyle", "lifestyle and leisure");

    /** The short name used in queries ({@code category:economy}) and in the API. */
    public final String slug;

    public final String label;

    Category(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    /** Finds a category by slug, enum name or the first word of its label ("war" finds nothing: use conflict). */
    public static Optional<Category> of(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return Arrays.stream(values())
                .filter(c -> c.slug.equals(v) || c.label.equals(v) || c.name().equalsIgnoreCase(v))
                .findFirst();
    }

    public static String slugs() {
        return String.join(", ", Arrays.stream(values()).map(c -> c.slug).toList());
    }
}
