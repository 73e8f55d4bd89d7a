package io.newsmon.api.story;

import static io.newsmon.api.sql.Rows.instant;
import static io.newsmon.api.sql.Rows.num;

import io.newsmon.api.article.ArticleService;
import io.newsmon.api.problem.ProblemException;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.dto.ArticleSummary;
import io.newsmon.domain.dto.EntityView;
import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.dto.StoryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Stories, newest activity first. */
@ApplicationScoped
@Transactional
public class StoryService {

    private static final String COLUMNS = "id, headline, first_seen, last_seen, article_count, source_count";

    private EntityManager em() {
        return Article.getEntityManager();
    }

    public PageResult<StoryView> list(int minSources, int page, int size) {
        List<StoryView> items = new ArrayList<>();
        for (Object row : em().createNativeQuery("SELECT " + COLUMNS + " FROM story WHERE source_count >= ?1"
                        + " ORDER BY last_seen DESC, id DESC")
                .setParameter(1, minSources)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList()) {
            items.add(view((Object[]) row));
        }
        long total = ((Number) em().createNativeQuery("SELECT COUNT(*) FROM story WHERE source_count >= ?1")
                        .setParameter(1, minSources)
                        .getSingleResult())
                .longValue();
        return new PageResult<>(items, page, size, total);
    }

    public StoryView.Detail get(long id) {
        List<?> found = em().createNativeQuery("SELECT " + COLUMNS + " FROM story WHERE id = ?1")
                .setParameter(1, id)
                .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("story " + id);
        }
        List<Article> articles = Article.<Article>find(
                        "storyId = ?1 or duplicateOf in (select a.id from Article a where a.storyId = ?1)"
                                + " order by coalesce(publishedAt, fetchedAt, discoveredAt), id",
                        id)
                .page(0, 200)
                .list();
        List<ArticleSummary> summaries =
                articles.stream().map(ArticleService::summary).toList();
        List<String> sources = summaries.stream()
                .map(ArticleSummary::sourceName)
                .filter(s -> s != null)
                .distinct()
                .toList();
        List<EntityView> entities = new ArrayList<>();
        for (Object row : em().createNativeQuery("SELECT e.id, e.type, e.name, COUNT(DISTINCT m.article_id) AS c FROM"
                        + " entity_mention m JOIN entity e ON e.id = m.entity_id JOIN article a ON a.id = m.article_id"
                        + " WHERE a.story_id = ?1 GROUP BY e.id, e.type, e.name ORDER BY c DESC, e.name, e.id")
                .setParameter(1, id)
                .setMaxResults(15)
                .getResultList()) {
            Object[] r = (Object[]) row;
            entities.add(new EntityView(num(r[0]), (String) r[1], (String) r[2], num(r[3])));
        }
        return new StoryView.Detail(view((Object[]) found.get(0)), summaries, sources, entities);
    }

    private static StoryView view(Object[] r) {
        return new StoryView(num(r[0]), (String) r[1], instant(r[2]), instant(r[3]), (int) num(r[4]), (int) num(r[5]));
    }
}
