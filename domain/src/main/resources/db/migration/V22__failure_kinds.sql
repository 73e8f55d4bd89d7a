-- Transient failures (timeouts, 5xx, 429, refused connections) are retried on a schedule counted by
-- retries; permanent ones are parked at once. failure_kind says which way a FAILED row got there
-- (PERMANENT, TRANSIENT once its retries ran out, STALLED when its worker never finished), and
-- failed_stage the state it failed in, so that an admin's requeue can put it back there.
ALTER TABLE article ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article ADD COLUMN failure_kind VARCHAR(16);
ALTER TABLE article ADD COLUMN failed_stage VARCHAR(16);

-- rows parked before this migration: a row without a body failed in the fetch, one with a body in nlp
UPDATE article SET failed_stage = CASE WHEN body IS NULL THEN 'DISCOVERED' ELSE 'EXTRACTED' END
    WHERE state = 'FAILED';

CREATE INDEX article_state_source_idx ON article (state, source_id);
