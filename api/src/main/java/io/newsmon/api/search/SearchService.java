package io.newsmon.api.search;

import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.search.query.AnalystQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.search.IndexSearcher;

/** Searches this replica's index with the configured limits. */
@ApplicationScoped
public class SearchService {

    private final SearchIndex index;
    private final SearchExecutor executor;

    public SearchService(SearchIndex index, SearchConfig config) {
        this.index = index;
        this.executor = new SearchExecutor(config.limits(), config.maxResultWindow());
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
