-- Indexes for lookups the workers and the api make on hot paths that no index served (issue 14). Each names the
-- query it serves. The search index's skipped articles live in search_index_skip (V20).

-- api SearchIndex: the tailer's "state = 'ENRICHED' AND seq > ? ORDER BY seq LIMIT n" every half second, the
-- status' MAX(seq) of enriched articles, and the reconcile pass' count and sum of seq per range
-- ("state = 'ENRICHED' AND seq <= ? GROUP BY seq / n"), all from the index without reading rows.
CREATE INDEX article_state_seq_idx ON article (state, seq);

-- ingest DuplicateFinder.earlierCopyOf: "url = ? OR canonical_url = ?" for every extracted article (url has its
-- unique index; canonical_url had none, so each lookup read the whole table).
CREATE INDEX article_canonical_url_idx ON article (canonical_url);

-- ingest FetchMetrics (RecentArticles "fetched_at >= ?", every metrics refresh).
CREATE INDEX article_fetched_at_idx ON article (fetched_at);

-- nlp EnrichmentMetrics (RecentArticles "enriched_at >= ?") and nlp TopicCatchUp
-- ("state = 'ENRICHED' AND enriched_at >= ? ORDER BY id DESC").
CREATE INDEX article_enriched_at_idx ON article (enriched_at);

-- api StoryService.get: a story's articles "storyId = ? OR duplicateOf IN (…)"; also what deleting an article
-- needs for duplicate_of's ON DELETE SET NULL.
CREATE INDEX article_duplicate_of_idx ON article (duplicate_of);

-- nlp StoryClusterer.newStory: "SELECT MAX(id) FROM story WHERE first_article_id = ?" for each new story; also
-- first_article_id's ON DELETE SET NULL.
CREATE INDEX story_first_article_idx ON story (first_article_id);

-- api AlertMailer ("delivery_id = ? ORDER BY matched_at, id" for each e-mail), AlertService ("delivery_id IN
-- (…)") and DeliveryPlanner's scan for topics with undelivered matches ("delivery_id IS NULL AND matched_at >= ?",
-- every alert interval). topic_match_pending_idx leads with topic_id and serves none of them.
CREATE INDEX topic_match_delivery_time_idx ON topic_match (delivery_id, matched_at);

-- api DeliveryPlanner.earlierDelivery: "topic_id = ? AND story_id = ?" for each pending match of a story.
CREATE INDEX topic_match_topic_story_idx ON topic_match (topic_id, story_id);

-- ingest poll scheduler (Source.due): "enabled = true AND (next_poll_at IS NULL OR next_poll_at <= ?)" every tick.
CREATE INDEX source_due_idx ON source (enabled, next_poll_at);

-- api SearchIndex.skipped (GET /api/search/skipped): the most recently skipped first.
CREATE INDEX search_index_skip_time_idx ON search_index_skip (skipped_at);
