package io.newsmon.domain.dto;

import java.time.Instant;
import java.util.List;

/**
 * Articles about one event, from one or more sources.
 *
 * @param headline the first article's title
 * @param articles articles in the story, near-duplicate copies included
 * @param sources distinct sources among them
 */
public record StoryView(long id, String headline, Instant firstSeen, Instant lastSeen, int articles, int sources) {

    /** A story with its articles (oldest first), its sources and the entities it is about. */
    public record Detail(
            StoryView story, List<ArticleSummary> articles, List<String> sources, List<EntityView> entities) {}
}
