-- Per-source settings: which discovered URLs to keep, how many a poll may add, and an adaptive poll
-- interval learned from the source's own publishing rate (poll_interval_seconds is where it starts).
ALTER TABLE source ADD COLUMN include_pattern VARCHAR(500);
ALTER TABLE source ADD COLUMN exclude_pattern VARCHAR(500);
ALTER TABLE source ADD COLUMN max_per_poll INTEGER;
ALTER TABLE source ADD COLUMN adaptive_poll BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE source ADD COLUMN current_poll_seconds INTEGER;
