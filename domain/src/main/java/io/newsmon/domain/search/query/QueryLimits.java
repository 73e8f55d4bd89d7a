package io.newsmon.domain.search.query;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bounds on what one query may cost. The keys are the configuration names the error messages cite.
 *
 * @param maxLength characters in the query ({@code newsmon.search.max-query-length})
 * @param maxClauses words, phrases, wildcards and field values ({@code newsmon.search.max-clauses})
 * @param maxNearDistance the largest n of NEAR/n ({@code newsmon.search.max-near-distance})
 * @param maxWildcardExpansions distinct indexed words one wildcard may stand for
 *     ({@code newsmon.search.max-wildcard-expansions})
 * @param timeout how long one search may run ({@code newsmon.search.timeout})
 */
public record QueryLimits(
        int maxLength, int maxClauses, int maxNearDistance, int maxWildcardExpansions, Duration timeout) {

    public static final QueryLimits DEFAULT = new QueryLimits(2000, 100, 50, 1000, Duration.ofSeconds(5));

    /**
     * The limits as configured under the keys above, each key left out keeping its {@link #DEFAULT}: api (for
     * searches and for validating topics) and nlp (for matching topics) both read them this way, so a topic
     * is held to the same limits where it is saved and where it runs.
     */
    public static QueryLimits from(Function<String, Optional<String>> config) {
        return new QueryLimits(
                config.apply("newsmon.search.max-query-length")
                        .map(v -> Integer.parseInt(v.strip()))
                        .orElse(DEFAULT.maxLength()),
                config.apply("newsmon.search.max-clauses")
                        .map(v -> Integer.parseInt(v.strip()))
                        .orElse(DEFAULT.maxClauses()),
                config.apply("newsmon.search.max-near-distance")
                        .map(v -> Integer.parseInt(v.strip()))
                        .orElse(DEFAULT.maxNearDistance()),
                config.apply("newsmon.search.max-wildcard-expansions")
                        .map(v -> Integer.parseInt(v.strip()))
                        .orElse(DEFAULT.maxWildcardExpansions()),
                config.apply("newsmon.search.timeout")
                        .map(QueryLimits::duration)
                        .orElse(DEFAULT.timeout()));
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, a number of seconds, or ISO-8601 ({@code PT5S}). */
    static Duration duration(String raw) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        long n = Long.parseLong(v.replaceAll("[smhd]$", ""));
        return switch (v.charAt(v.length() - 1)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
