package io.newsmon.nlp.pipeline;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.article.EntityMention;
import io.newsmon.domain.article.EntityType;
import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.language.LanguageDetector;
import io.newsmon.nlp.entities.Entity;
import io.newsmon.nlp.entities.EntityRecognizer;
import io.newsmon.nlp.entities.EntityResolver;
import io.newsmon.nlp.entities.Geotagger;
import io.newsmon.nlp.entities.Recognizers;
import io.newsmon.nlp.stories.StoryClusterer;
import io.newsmon.nlp.text.Categorizer;
import io.newsmon.nlp.text.Keyphrases;
import io.newsmon.nlp.text.Summarizer;
import io.newsmon.nlp.tone.ToneScorer;
import io.newsmon.nlp.topics.TopicMatchRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes an article's enrichment and commits it with the move to ENRICHED, fenced by the lease. */
@ApplicationScoped
@Transactional
public class EnrichmentStore {

    /** Entity recognition reads this much of title and body; the rest of a longer text is not read. */
    static final int MAX_ENTITY_TEXT = 30_000;

    private final ArticleQueue queue;
    private final LanguageDetector languages;
    private final EnrichConfig config;
    private final Clock clock;
    private final EntityRecognizer english;
    private final EntityRecognizer fallback;
    private final StoryClusterer stories;
    private final ToneScorer tone;
    private final TopicMatchRecorder topicMatches;

    public EnrichmentStore(
            ArticleQueue queue,
            LanguageDetector languages,
            EnrichConfig config,
            Clock clock,
            @Named("english") EntityRecognizer english,
            @Named("fallback") EntityRecognizer fallback,
            StoryClusterer stories,
            ToneScorer tone,
            TopicMatchRecorder topicMatches) {
        this.stories = stories;
        this.topicMatches = topicMatches;
        this.tone = tone;
        this.queue = queue;
        this.languages = languages;
        this.config = config;
        this.clock = clock;
        this.english = english;
        this.fallback = fallback;
    }

    /** Stores the enrichment; throws {@code LeaseLostException}, storing nothing, when the lease is gone. */
    public void enrich(long id, String owner) {
        Article article = Article.lockLeased(id, owner);
        String text =
                (article.title == null ? "" : article.title + "\n\n") + (article.body == null ? "" : article.body);
        // detected beats declared: pages often carry a site-wide lang attribute
        languages.detect(text).ifPresent(lang -> article.language = lang);
        storeEntities(article, text.length() > MAX_ENTITY_TEXT ? text.substring(0, MAX_ENTITY_TEXT) : text);
        stories.assign(article, text);
        article.enrichedAt = clock.instant();
        Article.flush();
        queue.completeInTransaction(id, owner, PipelineState.EXTRACTED, PipelineState.ENRICHED);
        // Saved topics are matched in this same transaction, so each article is matched exactly once: a
        // rollback takes its matches with it and the redo matches again. A matching error is logged inside
        // and never fails the enrichment; the article still becomes ENRICHED.
        topicMatches.record(id, article.storyId);
    }

    /**
     * People, organisations and places with offsets into {@code title + "\n\n" + body}, and the countries
     * they name; an article enriched again replaces what it had.
     */
    private void storeEntities(Article article, String text) {
        boolean en = "en".equals(article.language);
        List<Entity> entities = (en ? english : fallback).recognize(text);
        EntityMention.deleteOfArticle(article.id);
        Map<String, Long> ids = new HashMap<>();
        List<EntityResolver.Resolved> resolved = EntityResolver.resolve(entities);
        article.tone = en ? tone.text(text) : null;
        article.keyphrases = emptyToNull(
                clipTo(String.join("; ", Keyphrases.of(article.title, article.body, 10, article.language)), 2000));
        article.summary = clipTo(
                String.join(" ", Summarizer.summary(article.body == null ? "" : article.body, 3, article.language)),
                4000);
        article.categories =
                en ? String.join(",", Categorizer.standard().categorize(article.title, article.body)) : null;
        Map<String, List<int[]>> spans = new HashMap<>();
        for (EntityResolver.Resolved r : resolved) {
            spans.computeIfAbsent(r.mention().type() + ":" + r.key(), k -> new java.util.ArrayList<>())
                    .add(new int[] {r.mention().start(), r.mention().end()});
        }
        Map<String, Double> entityTone = new HashMap<>();
        for (EntityResolver.Resolved r : resolved) {
            Entity e = r.mention();
            EntityMention m = new EntityMention();
            m.article = article;
            m.type = switch (e.type()) {
                case Entity.PERSON -> EntityType.PERSON;
                case Entity.ORGANIZATION -> EntityType.ORGANIZATION;
                default -> EntityType.LOCATION;
            };
            m.text = clip(e.text());
            m.startOffset = e.start();
            m.endOffset = e.end();
            m.recognizer = en ? Recognizers.ENGLISH_NAME : Recognizers.FALLBACK_NAME;
            if (en) {
                String k = e.type() + ":" + r.key();
                m.tone = entityTone.computeIfAbsent(k, x -> tone.around(text, spans.get(x)));
            }
            if (!r.key().isEmpty()) {
                m.entityId = ids.computeIfAbsent(
                        m.type.name() + ":" + r.key(), k -> entityId(m.type.name(), r.canonical(), r.key()));
            }
            m.persist();
        }
        var em = Article.getEntityManager();
        em.createNativeQuery("DELETE FROM article_country WHERE article_id = ?1")
                .setParameter(1, article.id)
                .executeUpdate();
        for (Map.Entry<String, Integer> c : Geotagger.countries(entities, text).entrySet()) {
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

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
