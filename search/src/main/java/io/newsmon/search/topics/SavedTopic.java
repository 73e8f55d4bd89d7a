package io.newsmon.search.topics;

import java.time.Instant;

/**
 * What the monitor needs of a saved topic.
 *
 * @param updatedAt changes on every edit; the monitor reloads a topic whose value differs from what it saw
 * @param paused a paused topic matches nothing
 * @param stem whether the query's words match their other forms
 */
public record SavedTopic(long id, String query, String filter, boolean paused, boolean stem, Instant updatedAt) {}
