package io.newsmon.enrich;

import java.util.List;
import java.util.Map;

/**
 * What enrichment makes of one article.
 *
 * @param language the detected language (ISO 639-1), else the declared one, else null
 * @param text the text that was read ({@link io.newsmon.domain.article.ArticleText}, clipped to
 *     {@link Enricher#MAX_TEXT}); mention offsets point into it
 * @param recognizer the name of the entity recogniser that ran, stored with each mention
 * @param mentions people, organisations and places in text order, each with the entity it stands for
 * @param countries ISO 3166-1 alpha-2 codes with their mention counts, most mentioned first
 * @param keyphrases up to ten, best first
 * @param summary up to three sentences of the body
 * @param categories IPTC Media Topic top-level categories (English only; empty otherwise)
 * @param tone the text's tone from -1 to 1 (English only; null otherwise)
 */
public record Enrichment(
        String language,
        String text,
        String recognizer,
        List<Mention> mentions,
        Map<String, Integer> countries,
        List<String> keyphrases,
        String summary,
        List<String> categories,
        Double tone) {

    /**
     * One mention of a person ({@code PERSON}), organisation ({@code ORGANIZATION}) or place
     * ({@code LOCATION}).
     *
     * @param key the entity's identity across articles (empty when the name has none)
     * @param canonical the entity's name: the longest form this article uses
     * @param tone the tone of the sentences around this entity's mentions (English only; else null)
     */
    public record Mention(String type, String text, int start, int end, String key, String canonical, Double tone) {}
}
