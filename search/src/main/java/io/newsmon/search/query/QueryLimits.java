package io.newsmon.search.query;

import java.time.Duration;
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
     * searches and for validating topics, through its typed configuration) and nlp (for matching topics,
     * through this) read the same keys the same way, so a topic is held to the same limits where it is saved and
     * where it runs.
     */
    public static QueryLimits from(Function<String, Optional<String>> config) {
        return new QueryLimits(
                intOr(config, "newsmon.search.max-query-length", DEFAULT.maxLength()),
                intOr(config, "newsmon.search.max-clauses", DEFAULT.maxClauses()),
                intOr(config, "newsmon.search.max-near-distance", DEFAULT.maxNearDistance()),
                intOr(config, "newsmon.search.max-wildcard-expansions", DEFAULT.maxWildcardExpansions()),
                config.apply("newsmon.search.timeout")
                        .map(v -> duration(v.strip()))
                        .orElse(DEFAULT.timeout()));
    }

    /**
     * A duration as Quarkus reads Duration settings, so api (typed configuration) and nlp (this) read one value
     * alike: ISO-8601 ({@code PT5S}), a number of seconds ({@code 5}), or a number with {@code ms}, {@code s},
     * {@code m}, {@code h} or {@code d}.
     */
    static Duration duration(String value) {
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        if (value.matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.matches("\\d+[dD]")) {
            return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.matches("\\d+(\\.\\d+)?[sSmMhH]")) {
            return Duration.parse("PT" + value);
        }
        try {
            return Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "newsmon.search.timeout: '" + value + "' is not a duration (5s, 500ms, PT5S)", e);
        }
    }

    private static int intOr(Function<String, Optional<String>> config, String key, int orElse) {
        return config.apply(key).map(v -> Integer.parseInt(v.strip())).orElse(orElse);
    }
}
