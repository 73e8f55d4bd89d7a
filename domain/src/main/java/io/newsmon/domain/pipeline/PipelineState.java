package io.newsmon.domain.pipeline;

/** Where an article stands in the pipeline; the database row's state is the durable work queue. */
public enum PipelineState {
    /** The URL is known (from a feed), the page is not fetched yet: work for ingest's fetchers. */
    DISCOVERED,
    /** The page was fetched and its article extracted: work for nlp. */
    EXTRACTED,
    /** Enrichment is stored: visible to search and alerts. */
    ENRICHED,
    /** A copy (same canonical URL, or a near-identical text) of an earlier article; see {@code duplicate_of}. */
    DUPLICATE,
    /** A stage kept failing; {@code last_error} says why. Parked, never blocks the queue. */
    FAILED
}
