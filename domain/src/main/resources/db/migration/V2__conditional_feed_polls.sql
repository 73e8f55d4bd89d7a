-- Validators from the last feed response, sent back as If-None-Match / If-Modified-Since.
ALTER TABLE source ADD COLUMN etag VARCHAR(300);
ALTER TABLE source ADD COLUMN last_modified VARCHAR(100);
