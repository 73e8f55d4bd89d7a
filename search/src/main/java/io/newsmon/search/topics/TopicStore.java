package io.newsmon.search.topics;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the monitor reads saved topics from. {@link #versions()} is called every refresh and must be cheap;
 * {@link #load(Collection)} only for topics that are new or changed since the monitor last looked.
 */
public interface TopicStore {

    /** Every saved topic's id and {@code updated_at}, paused ones included. */
    Map<Long, Instant> versions();

    /**
     * The topics with these ids that still exist.
     */
    List<SavedTopic> load(Collection<Long> ids);
}
