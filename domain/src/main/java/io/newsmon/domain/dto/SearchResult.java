package io.newsmon.domain.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total every article the query matches, counted exactly
 * @param parsed the query as the parser read it, with precedence made explicit by parentheses
 * @param facets value counts over all matching articles (not just this page), most frequent first
 * @param histogram matching articles per day or hour of publication, oldest first
 * @param interval {@code day} or {@code hour}: the histogram's bucket size
 * @param tookMs time spent in the index, milliseconds
 */
public record SearchResult(
        long total,
        int page,
        int size,
        String parsed,
        List<SearchHit> hits,
        Map<String, List<FacetCount>> facets,
        List<DateBucket> histogram,
        String interval,
        long tookMs) {

    /**
     * One matching article.
     *
     * @param titleHighlighted the title with matched words in {@code <mark>}, HTML-escaped
     * @param snippet passages of the body with matched words in {@code <mark>}, HTML-escaped
     */
    public record SearchHit(
            long id,
            String url,
            String title,
            String titleHighlighted,
            String snippet,
            Instant published,
            String source,
            String language,
            float score) {}

    public record FacetCount(String value, long count) {}

    public record DateBucket(Instant start, long count) {}
}
