package io.newsmon.api.search;

import io.newsmon.api.problem.Problem;
import io.newsmon.api.problem.ProblemException;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.search.SearchExecutor;
import io.newsmon.search.query.AnalystQuery;
import io.newsmon.search.query.QueryLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;

/** Searches this replica's index with the configured limits. */
@ApplicationScoped
public class SearchService {

    private final SearchIndex index;
    private final SearchExecutor executor;
    private final QueryLimits limits;

    public SearchService(SearchIndex index, SearchConfig config) {
        this.index = index;
        this.limits = config.limits();
        this.executor = new SearchExecutor(limits, config.maxResultWindow());
    }

    /** The configured limits on one query (newsmon.search.*), which nlp also holds topics to. */
    public QueryLimits limits() {
        return limits;
    }

    public AnalystQuery parse(String field, String q, boolean stem) {
        return executor.parse(field, q, stem);
    }

    /** Searches, or throws a 503 problem naming the reason while the index writer has failed. */
    public SearchResult search(SearchExecutor.Request r) {
        try {
            IndexSearcher searcher;
            try {
                searcher = index.acquire();
            } catch (SearchIndex.UnavailableException e) {
                throw unavailable(e.getMessage());
            }
            try {
                return executor.search(searcher, r);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemException unavailable(String reason) {
        return new ProblemException(new Problem(
                "about:blank",
                "Service Unavailable",
                503,
                "the search index is unavailable (" + reason + "); it reopens and catches up from the database"
                        + " on its own, see /q/health/ready",
                List.of(),
                null,
                null));
    }
}
