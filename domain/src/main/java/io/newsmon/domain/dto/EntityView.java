package io.newsmon.domain.dto;

import java.time.Instant;
import java.util.List;

/**
 * A person, organisation or place across articles.
 *
 * @param articles how many articles mention it
 */
public record EntityView(long id, String type, String name, long articles) {

    /**
     * One entity's page: the forms it is written in, its articles per day, the entities most often named
     * with it, and its newest articles.
     */
    public record Detail(
            long id,
            String type,
            String name,
            long articles,
            Instant firstSeen,
            Instant lastSeen,
            List<String> writtenAs,
            List<DayCount> timeline,
            List<EntityView> cooccurring,
            List<ArticleSummary> latest) {}

    /**
     * Articles on one UTC day (by publication time, else fetch time), and the mean tone (-1 to +1) of those
     * with a tone score, null when none has one.
     */
    public record DayCount(String day, long articles, Double tone) {}
}
