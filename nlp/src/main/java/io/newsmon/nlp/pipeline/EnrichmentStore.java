package io.newsmon.nlp.pipeline;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.article.ArticleText;
import io.newsmon.domain.article.EntityMention;
import io.newsmon.domain.article.EntityType;
import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.enrich.Enricher;
import io.newsmon.enrich.Enrichment;
import io.newsmon.enrich.entities.Entity;
import io.newsmon.nlp.stories.StoryClusterer;
import io.newsmon.nlp.topics.TopicMatchRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes an article's enrichment and commits it with the move to ENRICHED, fenced by the lease. */
@ApplicationScoped
@Transactional
public class EnrichmentStore {

    private final ArticleQueue queue;
    private final Enricher enricher;
    private final EnrichConfig config;
    private final Clock clock;
    private final StoryClusterer stories;
    private final TopicMatchRecorder topicMatches;

    public EnrichmentStore(
            ArticleQueue queue,
            Enricher enricher,
            EnrichConfig config,
            Clock clock,
            StoryClusterer stories,
            TopicMatchRecorder topicMatches) {
        this.queue = queue;
        this.enricher = enricher;
        this.config = config;
        this.clock = clock;
        this.stories = stories;
        this.topicMatches = topicMatches;
    }

    /** Stores the enrichment; throws {@code LeaseLostException}, storing nothing, when the lease is gone. */
    public void enrich(long id, String owner) {
        Article article = Article.lockLeased(id, owner);
        Enrichment e = enricher.enrich(article.title, article.body, article.language);
        article.language = e.language();
        store(article, e);
        stories.assign(article, ArticleText.of(article.title, article.body));
        article.enrichedAt = clock.instant();
        Article.flush();
        queue.completeInTransaction(id, owner, PipelineState.EXTRACTED, PipelineState.ENRICHED);
        // Saved topics are matched in this same transaction, so each article is matched exactly once: a
        // rollback takes its matches with it and the redo matches again. A matching error is logged inside
        // and never fails the enrichment; the article still becomes ENRICHED.
        topicMatches.record(id, article.storyId);
    }

    /**
     * The enrichment's fields, mentions (offsets into {@link ArticleText}) and countries; an article enriched
     * again replaces what it had.
     */
    private void store(Article article, Enrichment e) {
        article.tone = e.tone();
        article.keyphrases = clipTo(String.join("; ", e.keyphrases()), 2000);
        article.summary = clipTo(e.summary(), 4000);
        article.categories = "en".equals(e.language()) ? String.join(",", e.categories()) : null;
        EntityMention.deleteOfArticle(article.id);
        Map<String, Long> ids = new HashMap<>();
        for (Enrichment.Mention mention : e.mentions()) {
            EntityMention m = new EntityMention();
            m.article = article;
            m.type = switch (mention.type()) {
                case Entity.PERSON -> EntityType.PERSON;
                case Entity.ORGANIZATION -> EntityType.ORGANIZATION;
                default -> EntityType.LOCATION;
            };
            m.text = clip(mention.text());
            m.startOffset = mention.start();
            m.endOffset = mention.end();
            m.recognizer = e.recognizer();
            m.tone = mention.tone();
            if (!mention.key().isEmpty()) {
                m.entityId = ids.computeIfAbsent(
                        m.type.name() + ":" + mention.key(),
                        k -> entityId(m.type.name(), mention.canonical(), mention.key()));
            }
            m.persist();
        }
        var em = Article.getEntityManager();
        em.createNativeQuery("DELETE FROM article_country WHERE article_id = ?1")
                .setParameter(1, article.id)
                .executeUpdate();
        for (Map.Entry<String, Integer> c : e.countries().entrySet()) {
            em.createNativeQuery("INSERT INTO article_country (article_id, code, mentions) VALUES (?1, ?2, ?3)")
                    .setParameter(1, article.id)
                    .setParameter(2, c.getKey())
                    .setParameter(3, c.getValue())
                    .executeUpdate();
        }
    }

    /**
     * The cross-article entity with this type and key, created on first sight (replica-safe). A one-word
     * person name ("Jilani") joins the single known person whose full name ends in it; with none, or with
     * two such people, it stays an entity of its own.
     */
    private long entityId(String type, String name, String key) {
        var em = Article.getEntityManager();
        if (type.equals("PERSON") && key.indexOf(' ') < 0 && key.length() > 2) {
            // a surname alone is the one person known by a full name ending in it, when there is just one
            List<?> full = em.createNativeQuery(
                            "SELECT id FROM entity WHERE type = 'PERSON' AND name_key LIKE ?1 ORDER BY id")
                    .setParameter(1, "% " + key.replace("%", "").replace("_", ""))
                    .setMaxResults(2)
                    .getResultList();
            if (full.size() == 1) {
                return ((Number) full.get(0)).longValue();
            }
        }
        em.createNativeQuery("INSERT INTO entity (type, name, name_key, first_seen) VALUES (?1, ?2, ?3, ?4)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, type)
                .setParameter(2, clip(name))
                .setParameter(3, clip(key))
                .setParameter(4, clock.instant())
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT id FROM entity WHERE type = ?1 AND name_key = ?2")
                        .setParameter(1, type)
                        .setParameter(2, clip(key))
                        .getSingleResult())
                .longValue();
    }

    private static String clipTo(String s, int max) {
        return s == null || s.isEmpty() ? null : s.length() > max ? s.substring(0, max) : s;
    }

    private static String clip(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    public void failed(long id, String owner, String error) {
        queue.failInTransaction(id, owner, error, config.maxAttempts(), config.retryAfter());
    }
}
