package io.newsmon.api.entity;

import static io.newsmon.api.sql.Rows.instant;
import static io.newsmon.api.sql.Rows.num;

import io.newsmon.api.article.ArticleService;
import io.newsmon.api.problem.ProblemException;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.article.EntityNames;
import io.newsmon.domain.dto.ArticleSummary;
import io.newsmon.domain.dto.EntityView;
import io.newsmon.domain.dto.PageResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Entities across articles: the most mentioned, and one entity's page. */
@ApplicationScoped
@Transactional
public class EntityService {

    private static final String ARTICLE_TIME = "COALESCE(a.published_at, a.fetched_at, a.discovered_at)";

    /** The mean of a day's tones to three decimals, or null when no article of the day has a tone. */
    private static Double meanTone(double[] sumAndCount) {
        if (sumAndCount == null || sumAndCount[1] == 0) {
            return null;
        }
        return Math.round(sumAndCount[0] / sumAndCount[1] * 1000) / 1000.0;
    }

    private EntityManager em() {
        return Article.getEntityManager();
    }

    /** Entities by number of articles, optionally of one type and whose name contains {@code q}. */
    public PageResult<EntityView> list(String type, String q, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (type != null) {
            where.append(" AND e.type = :type");
        }
        if (q != null) {
            where.append(" AND e.name_key LIKE :q");
        }
        Query list = em().createNativeQuery("SELECT e.id, e.type, e.name, COUNT(DISTINCT m.article_id) AS n FROM"
                + " entity e JOIN entity_mention m ON m.entity_id = e.id" + where
                + " GROUP BY e.id, e.type, e.name ORDER BY n DESC, e.name, e.id");
        Query count = em().createNativeQuery("SELECT COUNT(*) FROM entity e" + where);
        for (Query query : List.of(list, count)) {
            if (type != null) {
                query.setParameter("type", type);
            }
            if (q != null) {
                query.setParameter("q", "%" + EntityNames.key(q) + "%");
            }
        }
        List<EntityView> items = new ArrayList<>();
        for (Object row : list.setFirstResult(page * size).setMaxResults(size).getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new EntityView(num(r[0]), (String) r[1], (String) r[2], num(r[3])));
        }
        return new PageResult<>(items, page, size, num(count.getSingleResult()));
    }

    public EntityView.Detail get(long id) {
        List<?> found = em().createNativeQuery("SELECT type, name FROM entity WHERE id = ?1")
                .setParameter(1, id)
                .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("entity " + id);
        }
        Object[] e = (Object[]) found.get(0);

        TreeMap<String, Long> days = new TreeMap<>();
        Instant first = null;
        Instant last = null;
        TreeMap<String, double[]> tones = new TreeMap<>();
        List<?> times = em().createNativeQuery("SELECT a.id, " + ARTICLE_TIME + ", a.tone FROM article a WHERE a.id IN"
                        + " (SELECT m.article_id FROM entity_mention m WHERE m.entity_id = ?1)")
                .setParameter(1, id)
                .getResultList();
        for (Object row : times) {
            Instant t = instant(((Object[]) row)[1]);
            if (t == null) {
                continue;
            }
            String day = t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
            days.merge(day, 1L, Long::sum);
            if (((Object[]) row)[2] instanceof Number tone) {
                double[] sumAndCount = tones.computeIfAbsent(day, d -> new double[2]);
                sumAndCount[0] += tone.doubleValue();
                sumAndCount[1]++;
            }
            first = first == null || t.isBefore(first) ? t : first;
            last = last == null || t.isAfter(last) ? t : last;
        }
        List<String> writtenAs = new ArrayList<>();
        for (Object row : em().createNativeQuery("SELECT m.text, COUNT(*) AS c FROM entity_mention m WHERE"
                        + " m.entity_id = ?1 GROUP BY m.text ORDER BY c DESC, m.text")
                .setParameter(1, id)
                .setMaxResults(10)
                .getResultList()) {
            writtenAs.add((String) ((Object[]) row)[0]);
        }
        List<EntityView> with = new ArrayList<>();
        for (Object row : em().createNativeQuery("SELECT e2.id, e2.type, e2.name, COUNT(DISTINCT m2.article_id) AS c"
                        + " FROM entity_mention m1 JOIN entity_mention m2 ON m2.article_id = m1.article_id"
                        + " AND m2.entity_id <> m1.entity_id JOIN entity e2 ON e2.id = m2.entity_id"
                        + " WHERE m1.entity_id = ?1 GROUP BY e2.id, e2.type, e2.name ORDER BY c DESC, e2.name, e2.id")
                .setParameter(1, id)
                .setMaxResults(10)
                .getResultList()) {
            Object[] r = (Object[]) row;
            with.add(new EntityView(num(r[0]), (String) r[1], (String) r[2], num(r[3])));
        }
        List<ArticleSummary> latest = Article.<Article>find(
                        "id in (select m.article.id from EntityMention m where m.entityId = ?1)"
                                + " order by coalesce(publishedAt, fetchedAt, discoveredAt) desc, id desc",
                        id)
                .page(0, 10)
                .list()
                .stream()
                .map(ArticleService::summary)
                .toList();
        List<EntityView.DayCount> timeline = days.entrySet().stream()
                .map(d -> new EntityView.DayCount(d.getKey(), d.getValue(), meanTone(tones.get(d.getKey()))))
                .toList();
        return new EntityView.Detail(
                id, (String) e[0], (String) e[1], times.size(), first, last, writtenAs, timeline, with, latest);
    }
}
