package io.newsmon.nlp.pipeline;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.LeaseLostException;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.nlp.language.LanguageDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/** Computes an article's enrichment and commits it with the move to ENRICHED, fenced by the lease. */
@ApplicationScoped
@Transactional
public class EnrichmentStore {

    private final ArticleQueue queue;
    private final DataSource dataSource;
    private final LanguageDetector languages;
    private final Clock clock;

    public EnrichmentStore(ArticleQueue queue, DataSource dataSource, LanguageDetector languages, Clock clock) {
        this.queue = queue;
        this.dataSource = dataSource;
        this.languages = languages;
        this.clock = clock;
    }

    public void enrich(long id, String owner) {
        Article article = Article.findById(id);
        String text =
                (article.title == null ? "" : article.title + "\n\n") + (article.body == null ? "" : article.body);
        // detected beats declared: pages often carry a site-wide lang attribute
        languages.detect(text).ifPresent(lang -> article.language = lang);
        article.enrichedAt = clock.instant();
        Article.flush();
        try (Connection c = dataSource.getConnection()) {
            if (!queue.complete(c, id, owner, PipelineState.EXTRACTED, PipelineState.ENRICHED)) {
                throw new LeaseLostException(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing enrichment of article " + id + " failed", e);
        }
    }

    public void failed(long id, String owner, String error, EnrichConfig config) {
        try (Connection c = dataSource.getConnection()) {
            queue.fail(c, id, owner, error, config.maxAttempts(), config.retryAfter());
        } catch (SQLException e) {
            throw new IllegalStateException("recording the failure of article " + id + " failed", e);
        }
    }
}
