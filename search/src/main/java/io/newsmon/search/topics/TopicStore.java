package io.newsmon.nlp.topics;

import io.newsmon.domain.topic.Topic;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the matcher reads saved topics from. {@link #versions()} is called every refresh and must be cheap;
 * {@link #load(Collection)} only for topics that are new or changed since the matcher last looked.
 */
public interface TopicStore {

    /** Every saved topic's id and {@code updated_at}, paused ones included. */
    Map<Long, Instant> versions();

    /**
     * The topics with these ids that still exist, as unmanaged {@link Topic} objects with at least id, query,
     * filter, paused, stem and updatedAt filled in.
     */
    List<Topic> load(Collection<Long> ids);
}
