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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads articles for the API: filtered, newest first, paged. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ArticleService {

    /** Filters a list request may carry; null means "any". */
    public record Filter(Long sourceId, String language, PipelineState state) {}

    /**
     * One page, ordered by {@code coalesce(publishedAt, discoveredAt) desc, id desc}. No index holds that
     * expression on both databases, so the dated and the undated articles are each read in index order
     * (ids and times only, up to the end of the page) and merged; only the page's rows are then loaded.
     */
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
        EntityManager em = Article.getEntityManager();
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        TypedQuery<Long> count = em.createQuery("select count(*) from Article a" + condition, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        long offset = (long) page * size;
        if (offset >= total) {
            return new PageResult<>(List.of(), page, size, total);
        }
        int upTo = (int) Math.min(offset + size, total);
        String and = where.isEmpty() ? "" : " and " + String.join(" and ", where);
        List<Listed> dated = listed(em, "a.publishedAt", "a.publishedAt is not null" + and, params, upTo);
        List<Listed> undated = listed(em, "a.discoveredAt", "a.publishedAt is null" + and, params, upTo);
        List<Long> ids = merge(dated, undated).stream()
                .skip(offset)
                .limit(size)
                .map(Listed::id)
                .toList();
        return new PageResult<>(summaries(em, ids), page, size, total);
    }

    /** An article's place in the list: the time it is listed by, and its id to break ties. */
    record Listed(long id, Instant at) {
        static final Comparator<Listed> NEWEST_FIRST =
                Comparator.comparing(Listed::at).thenComparingLong(Listed::id).reversed();
    }

    /** The first {@code limit} articles matching {@code where}, newest {@code time} first. */
    private static List<Listed> listed(
            EntityManager em, String time, String where, Map<String, Object> params, int limit) {
        TypedQuery<Object[]> query = em.createQuery(
                "select a.id, " + time + " from Article a where " + where + " order by " + time + " desc, a.id desc",
                Object[].class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList().stream()
                .map(r -> new Listed((Long) r[0], (Instant) r[1]))
                .toList();
    }

    /** Two lists each newest first, as one list newest first. */
    static List<Listed> merge(List<Listed> a, List<Listed> b) {
        List<Listed> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j == b.size() || (i < a.size() && Listed.NEWEST_FIRST.compare(a.get(i), b.get(j)) <= 0)) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }

    /** The summaries of the articles {@code ids}, in that order, read without their bodies. */
    private static List<ArticleSummary> summaries(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleSummary> byId = new HashMap<>();
        for (Object[] r : em.createQuery(
                        "select a.id, a.url, a.title, s.id, s.name, a.publishedAt, a.fetchedAt, a.language, a.state"
                                + " from Article a left join a.source s where a.id in :ids",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()) {
            byId.put(
                    (Long) r[0],
                    new ArticleSummary(
                            (Long) r[0],
                            (String) r[1],
                            (String) r[2],
                            (Long) r[3],
                            (String) r[4],
                            (Instant) r[5],
                            (Instant) r[6],
                            (String) r[7],
                            ((PipelineState) r[8]).name()));
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
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
                a.storyId,
                Article.<Article>find("duplicateOf = ?1 order by id", id).page(0, MAX_COPIES).list().stream()
                        .map(ArticleService::summary)
                        .toList());
    }

    /** Copies of one article listed with it at most (syndicated wire copies can run to hundreds). */
    static final int MAX_COPIES = 20;

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
