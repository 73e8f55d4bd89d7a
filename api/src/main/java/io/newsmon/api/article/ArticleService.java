package io.newsmon.api.article;

import io.newsmon.api.problem.ProblemException;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.article.EntityMention;
import io.newsmon.domain.dto.ArticleDetail;
import io.newsmon.domain.dto.ArticleSummary;
import io.newsmon.domain.dto.EntityMentionView;
import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.pipeline.PipelineState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads articles for the API: filtered, newest first, paged. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ArticleService {

    /** Filters a list request may carry; null means "any". */
    public record Filter(Long sourceId, String language, PipelineState state) {}

    public PageResult<ArticleSummary> list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.sourceId() != null) {
            where.add("a.source.id = :source");
            params.put("source", filter.sourceId());
        }
        if (filter.language() != null) {
            where.add("a.language = :language");
            params.put("language", filter.language());
        }
        if (filter.state() != null) {
            where.add("a.state = :state");
            params.put("state", filter.state());
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        EntityManager em = Article.getEntityManager();
        TypedQuery<Long> count = em.createQuery("select count(a) from Article a" + condition, Long.class);
        TypedQuery<Article> select = em.createQuery(
                "select a from Article a left join fetch a.source" + condition
                        + " order by coalesce(a.publishedAt, a.discoveredAt) desc, a.id desc",
                Article.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        List<ArticleSummary> items = select.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(ArticleService::summary)
                .toList();
        return new PageResult<>(items, page, size, count.getSingleResult());
    }

    public ArticleDetail get(long id) {
        Article a = Article.findById(id);
        if (a == null) {
            throw ProblemException.notFound("article " + id);
        }
        List<EntityMentionView> entities = EntityMention.ofArticle(id).stream()
                .map(m -> new EntityMentionView(m.type.name(), m.text, m.startOffset, m.endOffset, m.recognizer))
                .toList();
        return new ArticleDetail(
                a.id,
                a.url,
                a.canonicalUrl,
                a.title,
                a.description,
                a.authorList(),
                a.body,
                a.source == null ? null : a.source.id,
                a.source == null ? null : a.source.name,
                a.publishedAt,
                a.fetchedAt,
                a.enrichedAt,
                a.language,
                a.state.name(),
                a.attempts,
                a.lastError,
                a.seq,
                a.duplicateOf,
                entities,
                a.tone,
                a.keyphrases == null || a.keyphrases.isBlank() ? List.of() : List.of(a.keyphrases.split("; ")),
                a.summary,
                a.storyId);
    }

    public static ArticleSummary summary(Article a) {
        return new ArticleSummary(
                a.id,
                a.url,
                a.title,
                a.source == null ? null : a.source.id,
                a.source == null ? null : a.source.name,
                a.publishedAt,
                a.fetchedAt,
                a.language,
                a.state.name());
    }
}
