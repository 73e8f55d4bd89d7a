-- Indexes for the dashboard's list and health queries (issue 12), so that they read an index in order and
-- stop where the page ends instead of sorting or scanning every article with its body.

-- GET /api/articles, newest first: articles with a publication date in coalesce(published_at, discovered_at)
-- order, read backwards from the newest (WHERE published_at IS NOT NULL ORDER BY published_at DESC, id DESC);
-- undated ones come from the IS NULL end of the same index.
CREATE INDEX article_published_id_idx ON article (published_at DESC, id DESC);

-- GET /api/sources and /api/sources/{id}: per source, how many articles, how many since a week and a month
-- ago and the newest discovered_at, counted over this index alone (it holds every column the query reads).
CREATE INDEX article_source_discovered_idx ON article (source_id, discovered_at);
