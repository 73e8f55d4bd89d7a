package io.newsmon.nlp.pipeline;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.language.LanguageDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Computes an article's enrichment and commits it with the move to ENRICHED, fenced by the lease. */
@ApplicationScoped
@Transactional
public class EnrichmentStore {

    private final ArticleQueue queue;
    private final LanguageDetector languages;
    private final EnrichConfig config;
    private final Clock clock;

    public EnrichmentStore(ArticleQueue queue, LanguageDetector languages, EnrichConfig config, Clock clock) {
        this.queue = queue;
        this.languages = languages;
        this.config = config;
        this.clock = clock;
    }

    /** Stores the enrichment; throws {@code LeaseLostException}, storing nothing, when the lease is gone. */
    public void enrich(long id, String owner) {
        Article article = Article.lockLeased(id, owner);
        String text =
                (article.title == null ? "" : article.title + "\n\n") + (article.body == null ? "" : article.body);
        // detected beats declared: pages often carry a site-wide lang attribute
        languages.detect(text).ifPresent(lang -> article.language = lang);
        article.enrichedAt = clock.instant();
        Article.flush();
        queue.completeInTransaction(id, owner, PipelineState.EXTRACTED, PipelineState.ENRICHED);
    }

    public void failed(long id, String owner, String error) {
        queue.failInTransaction(id, owner, error, config.maxAttempts(), config.retryAfter());
    }
}
