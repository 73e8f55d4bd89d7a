package io.newsmon.ingest.dedup;

import io.newsmon.domain.article.Article;
import io.newsmon.sources.url.UrlCanonicalizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds the earlier article an extracted one repeats: the same canonical URL ({@code <link rel=canonical>}
 * or og:url pointing at a known article), or a body whose SimHash is within {@link SimHash#NEAR} bits of
 * one seen in the last week. Runs inside the extraction's transaction.
 *
 * <p>Scale note: the near-duplicate check compares against every fingerprint of the window, which is fine
 * for tens of thousands of articles a week; beyond that it wants a banded index.
 */
@ApplicationScoped
public class DuplicateFinder {

    static final Duration WINDOW = Duration.ofDays(7);

    public Optional<Long> earlierCopyOf(Article article, Instant now) {
        if (article.canonicalUrl != null) {
            Optional<String> canonical = UrlCanonicalizer.canonical(article.canonicalUrl);
            if (canonical.isPresent() && !canonical.get().equals(article.url)) {
                Optional<Article> same = Article.find(
                                "(url = ?1 or canonicalUrl = ?2) and id <> ?3 and state <> ?4",
                                canonical.get(),
                                article.canonicalUrl,
                                article.id,
                                io.newsmon.domain.pipeline.PipelineState.DUPLICATE)
                        .firstResultOptional();
                if (same.isPresent()) {
                    return Optional.of(same.get().id);
                }
            }
        }
        if (article.simhash == null) {
            return Optional.empty();
        }
        List<Object[]> recent = Article.getEntityManager()
                .createQuery(
                        "select a.id, a.simhash from Article a where a.simhash is not null and a.id <> :id"
                                + " and a.discoveredAt >= :since and a.duplicateOf is null order by a.id",
                        Object[].class)
                .setParameter("id", article.id)
                .setParameter("since", now.minus(WINDOW))
                .getResultList();
        for (Object[] row : recent) {
            if (SimHash.distance((Long) row[1], article.simhash) <= SimHash.NEAR) {
                return Optional.of((Long) row[0]);
            }
        }
        return Optional.empty();
    }
}
