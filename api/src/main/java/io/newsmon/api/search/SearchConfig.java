package io.newsmon.api.search;

import io.newsmon.search.query.QueryLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The search index and the limits on one query. */
@ConfigMapping(prefix = "newsmon.search")
public interface SearchConfig {

    /** Where the Lucene index lives; absent means in memory (tests), rebuilt from the database on start. */
    Optional<Path> indexDir();

    /** How often the index looks for newly enriched articles. */
    @WithDefault("500ms")
    Duration tailInterval();

    /** Articles read from the database per batch. */
    @WithDefault("500")
    int batchSize();

    /**
     * How many sequence numbers back the index re-checks each round: a sequence number is drawn before its
     * transaction commits, so a slow commit can land behind newer ones.
     */
    @WithDefault("2000")
    int lateWindow();

    /** How often an index whose writer failed (a full disk) tries to reopen and catch up from the database. */
    @WithDefault("10s")
    Duration recoveryInterval();

    /**
     * How often the index is compared with the database (and at start, once caught up): per range of
     * {@link #reconcileRange()} sequence numbers, what the index lacks is indexed and what it should not hold is
     * dropped.
     */
    @WithDefault("10m")
    Duration reconcileInterval();

    /** Sequence numbers per range the reconcile pass counts; only the ranges that differ are read in full. */
    @WithDefault("10000")
    int reconcileRange();

    @WithDefault("2000")
    int maxQueryLength();

    @WithDefault("100")
    int maxClauses();

    @WithDefault("50")
    int maxNearDistance();

    @WithDefault("1000")
    int maxWildcardExpansions();

    @WithDefault("5s")
    Duration timeout();

    /** The deepest result a search may page to (page × size). */
    @WithDefault("10000")
    int maxResultWindow();

    default QueryLimits limits() {
        return new QueryLimits(maxQueryLength(), maxClauses(), maxNearDistance(), maxWildcardExpansions(), timeout());
    }
}
