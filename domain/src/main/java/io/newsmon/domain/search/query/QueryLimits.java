package io.newsmon.domain.search.query;

import java.time.Duration;

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
}
