package io.newsmon.nlp.stories;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.article.ArticleText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts each enriched article into a story: the story of the most similar article published within three
 * days that shares at least two entities with it, or a new story of its own. Similar means a share of
 * the two articles' entities (Jaccard) and of their content words (title and first 2,000 characters). A
 * story keeps its first article's headline and first-seen time and counts its articles and distinct
 * sources, near-duplicate copies (ingest's DUPLICATE articles) included.
 */
@ApplicationScoped
public class StoryClusterer {

    static final Duration WINDOW = Duration.ofDays(3);
    static final double ENTITY_OVERLAP = 0.3;
    static final double WORD_OVERLAP_WITH_ENTITIES = 0.08;
    static final double WORD_OVERLAP_ALONE = 0.35;

    private static final Set<String> STOP = Set.of(
            "that", "with", "from", "this", "have", "been", "were", "they", "their", "said", "will", "would", "which",
            "about", "after", "also", "more", "than", "when", "what", "into", "over", "there", "other", "some", "could",
            "while", "where", "these", "those", "being", "only", "such", "then", "them", "says", "dans", "pour", "avec",
            "sont", "este", "para", "como", "sobre");

    private static final String ARTICLE_TIME = "COALESCE(a2.published_at, a2.fetched_at, a2.discovered_at)";

    /** Assigns {@code article} (whose entity mentions are written) to a story, unless it has one. */
    public void assign(Article article, String text) {
        if (article.storyId != null) {
            return;
        }
        Article.flush();
        EntityManager em = Article.getEntityManager();
        Instant at = time(article);
        List<?> candidates = em.createNativeQuery("SELECT m2.article_id, COUNT(DISTINCT m2.entity_id) AS shared"
                        + " FROM entity_mention m1 JOIN entity_mention m2 ON m2.entity_id = m1.entity_id"
                        + " AND m2.article_id <> m1.article_id JOIN article a2 ON a2.id = m2.article_id"
                        + " WHERE m1.article_id = ?1 AND a2.story_id IS NOT NULL AND " + ARTICLE_TIME
                        + " BETWEEN ?2 AND ?3 GROUP BY m2.article_id HAVING COUNT(DISTINCT m2.entity_id) >= 2"
                        + " ORDER BY shared DESC, m2.article_id DESC")
                .setParameter(1, article.id)
                .setParameter(2, at.minus(WINDOW))
                .setParameter(3, at.plus(WINDOW))
                .setMaxResults(20)
                .getResultList();
        long mine = entityCount(em, article.id);
        Set<String> words = words(text);
        // the candidates' entity counts and texts in two queries, not two per candidate
        List<Long> ids = new ArrayList<>();
        for (Object row : candidates) {
            ids.add(((Number) ((Object[]) row)[0]).longValue());
        }
        Map<Long, Long> theirCounts = new HashMap<>();
        Map<Long, Article> others = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object row : em.createNativeQuery("SELECT article_id, COUNT(DISTINCT entity_id) FROM entity_mention"
                            + " WHERE article_id IN (?1) GROUP BY article_id")
                    .setParameter(1, ids)
                    .getResultList()) {
                Object[] r = (Object[]) row;
                theirCounts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
            Article.<Article>list("id in ?1", ids).forEach(a -> others.put(a.id, a));
        }
        Article best = null;
        double bestScore = 0;
        for (Object row : candidates) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            long shared = ((Number) r[1]).longValue();
            Article other = others.get(id);
            if (other == null) {
                continue;
            }
            long theirs = theirCounts.getOrDefault(id, 0L);
            double entities = shared / (double) Math.max(1, mine + theirs - shared);
            double wordsShared = jaccard(words, words(textOf(other)));
            boolean same = entities >= ENTITY_OVERLAP && wordsShared >= WORD_OVERLAP_WITH_ENTITIES
                    || wordsShared >= WORD_OVERLAP_ALONE;
            if (same && entities + wordsShared > bestScore) {
                best = other;
                bestScore = entities + wordsShared;
            }
        }
        long story = best == null ? newStory(em, article, at) : best.storyId;
        article.storyId = story;
        Article.flush();
        if (best != null) {
            // an article earlier than the story's first gives it its headline
            Article first = Article.find(
                            "storyId = ?1 order by coalesce(publishedAt, fetchedAt, discoveredAt), id", story)
                    .firstResult();
            if (first != null && first.id.equals(article.id)) {
                em.createNativeQuery("UPDATE story SET first_article_id = ?2, headline = ?3 WHERE id = ?1")
                        .setParameter(1, story)
                        .setParameter(2, article.id)
                        .setParameter(3, clip(article.title))
                        .executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE story SET"
                        + " article_count = (SELECT COUNT(*) FROM article WHERE story_id = ?1 OR duplicate_of IN"
                        + " (SELECT id FROM article WHERE story_id = ?1)),"
                        + " source_count = (SELECT COUNT(DISTINCT COALESCE(source_id, -id)) FROM article WHERE"
                        + " story_id = ?1 OR duplicate_of IN (SELECT id FROM article WHERE story_id = ?1)),"
                        + " first_seen = LEAST(first_seen, ?2), last_seen = GREATEST(last_seen, ?2) WHERE id = ?1")
                .setParameter(1, story)
                .setParameter(2, at)
                .executeUpdate();
    }

    private static long newStory(EntityManager em, Article article, Instant at) {
        em.createNativeQuery("INSERT INTO story (headline, first_article_id, first_seen, last_seen) VALUES (?1, ?2, ?3,"
                        + " ?3)")
                .setParameter(1, clip(article.title))
                .setParameter(2, article.id)
                .setParameter(3, at)
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT MAX(id) FROM story WHERE first_article_id = ?1")
                        .setParameter(1, article.id)
                        .getSingleResult())
                .longValue();
    }

    private static long entityCount(EntityManager em, long articleId) {
        return ((Number) em.createNativeQuery(
                                "SELECT COUNT(DISTINCT entity_id) FROM entity_mention WHERE article_id = ?1")
                        .setParameter(1, articleId)
                        .getSingleResult())
                .longValue();
    }

    static Instant time(Article a) {
        return a.publishedAt != null ? a.publishedAt : a.fetchedAt != null ? a.fetchedAt : a.discoveredAt;
    }

    private static String textOf(Article a) {
        return ArticleText.of(a.title, a.body);
    }

    /** Content words of the title and the start of the body: lower case, four letters or more. */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        String head = text.length() > 2000 ? text.substring(0, 2000) : text;
        for (String w : head.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 4 && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String w : a) {
            if (b.contains(w)) {
                shared++;
            }
        }
        return shared / (double) (a.size() + b.size() - shared);
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
