package io.newsmon.api.search;

import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.search.query.AnalystQuery;
import io.newsmon.domain.search.query.QueryLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    public SearchResult search(SearchExecutor.Request r) {
        try {
            IndexSearcher searcher = index.acquire();
            try {
                return executor.search(searcher, r);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
