package io.newsmon.enrich;

import io.newsmon.domain.article.ArticleText;
import io.newsmon.enrich.entities.Entity;
import io.newsmon.enrich.entities.EntityRecognizer;
import io.newsmon.enrich.entities.EntityResolver;
import io.newsmon.enrich.entities.Geotagger;
import io.newsmon.enrich.entities.Recognizers;
import io.newsmon.enrich.text.Categorizer;
import io.newsmon.enrich.text.Keyphrases;
import io.newsmon.enrich.text.Summarizer;
import io.newsmon.enrich.tone.ToneScorer;
import io.newsmon.language.LanguageDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one enrichment path: the nlp service stores what it returns, and {@code ./newsmon enrich} and the
 * enrichment benchmark print or time it. Thread-safe once built; building loads the CRF model (a few seconds).
 */
public final class Enricher {

    /** Entities, countries and tone are read from this much of the article's text; the rest is not read. */
    public static final int MAX_TEXT = 30_000;

    private final LanguageDetector languages;
    private final EntityRecognizer english;
    private final EntityRecognizer fallback;
    private final ToneScorer tone;

    public Enricher(LanguageDetector languages, EntityRecognizer english, EntityRecognizer fallback, ToneScorer tone) {
        this.languages = languages;
        this.english = english;
        this.fallback = fallback;
        this.tone = tone;
    }

    /** With the standard models: CoreNLP with newsmon's rules for English, the rule recogniser otherwise. */
    public static Enricher standard() {
        return new Enricher(new LanguageDetector(), Recognizers.english(), Recognizers.fallback(), ToneScorer.load());
    }

    /**
     * Enriches one article. The language detected from the text beats the declared one (pages often carry a
     * site-wide {@code lang} attribute); the declared one stands when detection cannot tell.
     */
    public Enrichment enrich(String title, String body, String declaredLanguage) {
        String full = ArticleText.of(title, body);
        String language = languages.detect(full).orElse(declaredLanguage);
        String text = full.length() > MAX_TEXT ? full.substring(0, MAX_TEXT) : full;
        boolean en = "en".equals(language);
        List<Entity> found = (en ? english : fallback).recognize(text);
        List<EntityResolver.Resolved> resolved = EntityResolver.resolve(found);
        Map<String, List<int[]>> spans = new HashMap<>();
        for (EntityResolver.Resolved r : resolved) {
            spans.computeIfAbsent(entityKey(r), k -> new ArrayList<>())
                    .add(new int[] {r.mention().start(), r.mention().end()});
        }
        Map<String, Double> entityTone = new HashMap<>();
        List<Enrichment.Mention> mentions = new ArrayList<>(resolved.size());
        for (EntityResolver.Resolved r : resolved) {
            Entity e = r.mention();
            Double t = en ? entityTone.computeIfAbsent(entityKey(r), k -> tone.around(text, spans.get(k))) : null;
            mentions.add(new Enrichment.Mention(e.type(), e.text(), e.start(), e.end(), r.key(), r.canonical(), t));
        }
        String b = body == null ? "" : body;
        return new Enrichment(
                language,
                text,
                en ? Recognizers.ENGLISH_NAME : Recognizers.FALLBACK_NAME,
                List.copyOf(mentions),
                Geotagger.countries(found, text),
                Keyphrases.of(title, body, 10, language),
                String.join(" ", Summarizer.summary(b, 3, language)),
                en ? Categorizer.standard().categorize(title, body) : List.of(),
                en ? tone.text(text) : null);
    }

    private static String entityKey(EntityResolver.Resolved r) {
        return r.mention().type() + ":" + r.key();
    }
}
