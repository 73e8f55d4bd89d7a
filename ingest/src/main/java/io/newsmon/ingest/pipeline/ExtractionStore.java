package io.newsmon.ingest.pipeline;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.extract.ExtractedArticle;
import io.newsmon.ingest.dedup.DuplicateFinder;
import io.newsmon.ingest.dedup.SimHash;
import io.newsmon.ingest.poll.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Commits an extraction and the article's move to EXTRACTED in one transaction, fenced by the lease. */
@ApplicationScoped
@Transactional
public class ExtractionStore {

    private final ArticleQueue queue;
    private final IngestConfig config;
    private final Clock clock;
    private final DuplicateFinder duplicates;

    public ExtractionStore(ArticleQueue queue, IngestConfig config, Clock clock, DuplicateFinder duplicates) {
        this.queue = queue;
        this.config = config;
        this.clock = clock;
        this.duplicates = duplicates;
    }

    /** A transaction of its own: fetch threads have no request context to borrow a session from. */
    public String urlOf(long id) {
        return Article.<Article>findById(id).url;
    }

    /** Stores the extraction; throws {@code LeaseLostException}, storing nothing, when the lease is gone. */
    public void extracted(long id, String owner, ExtractedArticle extracted) {
        Article article = Article.lockLeased(id, owner);
        if (extracted.title() != null) {
            article.title = extracted.title();
        }
        article.body = extracted.body();
        if (!extracted.authors().isEmpty()) {
            article.setAuthorList(extracted.authors());
        }
        if (extracted.published() != null) {
            article.publishedAt = extracted.published();
        }
        if (extracted.language() != null) {
            article.language = extracted.language();
        }
        if (extracted.canonicalUrl() != null) {
            article.canonicalUrl = extracted.canonicalUrl();
        }
        if (extracted.description() != null) {
            article.description = extracted.description();
        }
        article.fetchedAt = clock.instant();
        article.simhash = SimHash.meaningful(article.body) ? SimHash.of(article.body) : null;
        // a syndicated copy links to the first article instead of becoming a new one
        Optional<Long> original = duplicates.earlierCopyOf(article, clock.instant());
        original.ifPresent(first -> article.duplicateOf = first);
        Article.flush();
        queue.completeInTransaction(
                id,
                owner,
                PipelineState.DISCOVERED,
                original.isPresent() ? PipelineState.DUPLICATE : PipelineState.EXTRACTED);
    }

    /**
     * Records why the page gave no article: a transient failure is tried again on the retry schedule
     * (no sooner than the server's Retry-After), a permanent one is parked as FAILED at once.
     */
    public ArticleQueue.Failure failed(
            long id, String owner, String error, boolean transientFailure, Duration serverAsked) {
        return transientFailure
                ? queue.failTransientlyInTransaction(id, owner, error, config.retrySchedule(), serverAsked)
                : queue.failPermanentlyInTransaction(id, owner, error);
    }
}
