package io.newsmon.domain.search.query;

import io.quarkus.runtime.configuration.DurationConverter;
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
                        // the converter Quarkus itself uses for Duration settings, so api and nlp read one value alike
                        .map(v -> DurationConverter.parseDuration(v.strip()))
                        .orElse(DEFAULT.timeout()));
    }

    private static int intOr(Function<String, Optional<String>> config, String key, int orElse) {
        return config.apply(key).map(v -> Integer.parseInt(v.strip())).orElse(orElse);
    }
}
