-- Near-duplicate detection: a 64-bit SimHash of each extracted body, and the article a copy repeats.
ALTER TABLE article ADD COLUMN simhash BIGINT;
ALTER TABLE article ADD COLUMN duplicate_of BIGINT REFERENCES article (id) ON DELETE SET NULL;
CREATE INDEX article_discovered_idx ON article (discovered_at);
