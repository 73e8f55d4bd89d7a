package io.newsmon.domain.dto;

import io.newsmon.domain.dto.SearchResult.SearchHit;
import java.util.List;

/**
 * What a query would have matched: {@code matches} among the {@code articles} of the last {@code days}
 * days, a sample of the newest, and warnings for a query too broad or too costly to alert on.
 */
public record TopicBackTest(
        String parsed, long matches, long articles, int days, List<SearchHit> sample, List<String> warnings) {}
