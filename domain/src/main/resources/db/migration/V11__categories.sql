-- The IPTC Media Topic top-level categories nlp assigns, best first, comma-separated slugs (e.g.
-- "politics,conflict"); null until enriched, empty when no category is clear.
ALTER TABLE article ADD COLUMN categories VARCHAR(200);
