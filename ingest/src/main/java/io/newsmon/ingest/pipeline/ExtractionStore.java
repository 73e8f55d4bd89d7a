package io.newsmon.ingest.pipeline;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.LeaseLostException;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.ingest.extract.ExtractedArticle;
import io.newsmon.ingest.poll.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/** Commits an extraction and the article's move to EXTRACTED in one transaction, fenced by the lease. */
@ApplicationScoped
@Transactional
public class ExtractionStore {

    private final ArticleQueue queue;
    private final DataSource dataSource;
    private final Clock clock;

    public ExtractionStore(ArticleQueue queue, DataSource dataSource, Clock clock) {
        this.queue = queue;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String urlOf(long id) {
        return Article.<Article>findById(id).url;
    }

    /** Stores the extraction; throws {@link LeaseLostException}, storing nothing, when the lease is gone. */
    public void extracted(long id, String owner, ExtractedArticle extracted) {
        Article article = Article.findById(id);
        if (extracted.title() != null) {
            article.title = truncate(extracted.title(), 1000);
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
        if (extracted.canonicalUrl() != null && extracted.canonicalUrl().length() <= 2048) {
            article.canonicalUrl = extracted.canonicalUrl();
        }
        if (extracted.description() != null) {
            article.description = truncate(extracted.description(), 4000);
        }
        article.fetchedAt = clock.instant();
        Article.flush();
        try (Connection c = dataSource.getConnection()) {
            if (!queue.complete(c, id, owner, PipelineState.DISCOVERED, PipelineState.EXTRACTED)) {
                throw new LeaseLostException(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing extraction of article " + id + " failed", e);
        }
    }

    public void failed(long id, String owner, String error, IngestConfig config) {
        try (Connection c = dataSource.getConnection()) {
            queue.fail(c, id, owner, error, config.maxAttempts(), config.retryAfter());
        } catch (SQLException e) {
            throw new IllegalStateException("recording the failure of article " + id + " failed", e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
