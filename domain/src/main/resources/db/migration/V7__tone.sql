-- Tone from -1 (negative) to 1 (positive): of the article, and of the sentences around each entity mention.
ALTER TABLE article ADD COLUMN tone DOUBLE PRECISION;
ALTER TABLE entity_mention ADD COLUMN tone DOUBLE PRECISION;
