package io.newsmon.nlp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.article.EntityMention;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.enrich.Enricher;
import io.newsmon.enrich.Enrichment;
import io.newsmon.extract.ExtractedArticle;
import io.newsmon.extract.TextDumpExtractor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extracted articles become ENRICHED with their language, including those a crashed worker held. */
@QuarkusTest
class EnrichmentPipelineTest {

    @Inject
    Enricher enricher;

    @Test
    void extractedArticlesAreEnrichedWithTheirDetectedLanguage() {
        long english = insert(
                "https://n.example/en",
                "Harbour cranes idle as dock strike enters second week",
                "Container ships queued outside the port on Monday as the strike by crane operators entered its"
                        + " second week, with union leaders saying talks with the port authority had stalled.",
                null,
                null);
        long french = insert(
                "https://n.example/fr",
                "Les dockers prolongent la grève",
                "Les navires porte-conteneurs attendaient lundi au large du port, alors que la grève des grutiers"
                        + " entrait dans sa deuxième semaine et que les négociations restaient au point mort.",
                "en",
                null);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> stateOf(english) == PipelineState.ENRICHED && stateOf(french) == PipelineState.ENRICHED);
        QuarkusTransaction.requiringNew().run(() -> {
            Article en = Article.findById(english);
            Article fr = Article.findById(french);
            assertThat(en.language).isEqualTo("en");
            assertThat(fr.language)
                    .as("detected beats a wrong declared language")
                    .isEqualTo("fr");
            assertThat(en.enrichedAt).isNotNull();
            assertThat(en.seq).isNotNull();
            assertThat(fr.seq).isNotEqualTo(en.seq);
        });
    }

    @Test
    void englishArticlesGetTheirPeopleOrganisationsPlacesAndCountries() {
        long id = insert(
                "https://n.example/entities",
                "Pakistan and Iran agree to de-escalate",
                "Pakistan's foreign minister Jalil Abbas Jilani met Iran's Hossein Amir-Abdollahian in Islamabad"
                        + " on Monday. Jilani said both sides would work with the United Nations, Reuters reported.",
                null,
                null);
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(id) == PipelineState.ENRICHED);
        QuarkusTransaction.requiringNew().run(() -> {
            Article a = Article.findById(id);
            String text = a.title + "\n\n" + a.body;
            List<EntityMention> mentions = EntityMention.ofArticle(id);
            assertThat(mentions)
                    .extracting(m -> m.type + ":" + m.text)
                    .contains(
                            "PERSON:Jalil Abbas Jilani",
                            "PERSON:Jilani",
                            "PERSON:Hossein Amir-Abdollahian",
                            "LOCATION:Islamabad",
                            "ORGANIZATION:United Nations",
                            "ORGANIZATION:Reuters");
            for (EntityMention m : mentions) {
                assertThat(text.substring(m.startOffset, m.endOffset)).isEqualTo(m.text);
            }
            List<Object> countries = Article.getEntityManager()
                    .createNativeQuery(
                            "SELECT code FROM article_country WHERE article_id = ?1 ORDER BY mentions DESC," + " code")
                    .setParameter(1, id)
                    .getResultList();
            assertThat(countries).containsExactlyInAnyOrder((Object) "PK", "IR");
            // the surname alone is the same entity as the full name
            Long full = mentions.stream()
                    .filter(m -> m.text.equals("Jalil Abbas Jilani"))
                    .findFirst()
                    .orElseThrow()
                    .entityId;
            assertThat(full).isNotNull();
            assertThat(mentions.stream().filter(m -> m.text.equals("Jilani")))
                    .allSatisfy(m -> assertThat(m.entityId).isEqualTo(full));
            assertThat(a.tone).isNotNull().isBetween(-1.0, 1.0);
            assertThat(a.keyphrases).isNotBlank();
            assertThat(a.summary).startsWith("Pakistan's foreign minister Jalil Abbas Jilani met");
            assertThat(mentions).allSatisfy(m -> assertThat(m.tone).isNotNull());
        });
    }

    @Test
    void articlesAboutTheSameEventFromTwoSourcesFormOneStoryAndAnUnrelatedOneItsOwn() {
        long first = insert(
                "https://a.example/strikes",
                "Pakistan and Iran move on from missile strikes",
                "Pakistan and Iran said on Monday they would expand security cooperation after tit-for-tat missile"
                        + " strikes. Foreign minister Jalil Abbas Jilani hosted Hossein Amir-Abdollahian in"
                        + " Islamabad, where both sides condemned the militants behind the border attacks.",
                null,
                null);
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(first) == PipelineState.ENRICHED);
        long second = insert(
                "https://b.example/talks",
                "Iran's foreign minister visits Islamabad after missile strikes",
                "Hossein Amir-Abdollahian met Jalil Abbas Jilani in Islamabad as Pakistan and Iran sought to"
                        + " repair ties after missile strikes on militants near the border, the ministry said.",
                null,
                null);
        long other = insert(
                "https://c.example/harbour",
                "Harbour cranes idle as dock strike continues in Rotterdam",
                "Container ships queued outside Rotterdam on Tuesday as crane operators of the Dutch port extended"
                        + " their strike, the FNV union said.",
                null,
                null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> stateOf(second) == PipelineState.ENRICHED && stateOf(other) == PipelineState.ENRICHED);
        QuarkusTransaction.requiringNew().run(() -> {
            Article a = Article.findById(first);
            Article b = Article.findById(second);
            Article c = Article.findById(other);
            assertThat(a.storyId).isNotNull().isEqualTo(b.storyId);
            assertThat(c.storyId).isNotNull().isNotEqualTo(a.storyId);
            Object[] story = (Object[]) Article.getEntityManager()
                    .createNativeQuery("SELECT headline, article_count, source_count FROM story WHERE id = ?1")
                    .setParameter(1, a.storyId)
                    .getSingleResult();
            assertThat(story[0]).isEqualTo("Pakistan and Iran move on from missile strikes");
            assertThat(((Number) story[1]).intValue()).isEqualTo(2);
            assertThat(((Number) story[2]).intValue()).isEqualTo(2);
        });
    }

    @Test
    void aSurnameAloneInALaterArticleIsThePersonKnownByThatFullName() {
        long first = insert(
                "https://n.example/full-name",
                "Minister Ingrid Halvorsen visits Oslo harbour",
                "Norway's trade minister Ingrid Halvorsen visited the harbour in Oslo on Monday.",
                null,
                null);
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(first) == PipelineState.ENRICHED);
        long later = insert(
                "https://n.example/surname",
                "Halvorsen defends harbour plan",
                "Halvorsen told reporters in Bergen on Tuesday that the harbour plan would go ahead.",
                null,
                null);
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(later) == PipelineState.ENRICHED);
        QuarkusTransaction.requiringNew().run(() -> {
            Long person = EntityMention.ofArticle(first).stream()
                    .filter(m -> m.text.equals("Ingrid Halvorsen"))
                    .findFirst()
                    .orElseThrow()
                    .entityId;
            assertThat(EntityMention.ofArticle(later))
                    .filteredOn(m -> m.text.equals("Halvorsen"))
                    .isNotEmpty()
                    .allSatisfy(m -> assertThat(m.entityId).isEqualTo(person));
        });
    }

    @Test
    void anArticleHeldByACrashedWorkerIsEnrichedOnceItsLeaseExpires() {
        long orphan = insert(
                "https://n.example/orphan",
                "Orphaned by a crash",
                "This article was claimed by a worker that was killed before it could finish the job.",
                null,
                "nlp@dead-worker");
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(orphan) == PipelineState.ENRICHED);
    }

    /**
     * The project's seed page (../shared), extracted as ingest extracts it, is stored with exactly what the one
     * {@link Enricher} gives for it, which is what {@code newsmon enrich} prints: the same mentions at the same
     * offsets and the same countries, none from the teasers around the article.
     */
    @Test
    void theSeedPageIsStoredWithWhatTheEnricherGivesAndNoTeaserCountries() throws Exception {
        Path seed = Path.of("..", "..", "shared", "seeds", "000_fb85a5c55c639259.txt");
        assumeTrue(Files.isRegularFile(seed), "../shared/seeds is absent: the seed page check is skipped");
        ExtractedArticle page = new TextDumpExtractor().extract(Files.readString(seed, StandardCharsets.UTF_8));
        long id = insert("https://seed.example/000", page.title(), page.body(), page.language(), null);
        Enrichment expected = enricher.enrich(page.title(), page.body(), page.language());

        await().atMost(Duration.ofSeconds(60)).until(() -> stateOf(id) == PipelineState.ENRICHED);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(EntityMention.ofArticle(id))
                    .extracting(m -> m.type + ":" + m.text + "@" + m.startOffset + "-" + m.endOffset)
                    .containsExactlyInAnyOrderElementsOf(expected.mentions().stream()
                            .map(m -> m.type() + ":" + m.text() + "@" + m.start() + "-" + m.end())
                            .toList());
            List<Object> countries = Article.getEntityManager()
                    .createNativeQuery("SELECT code FROM article_country WHERE article_id = ?1")
                    .setParameter(1, id)
                    .getResultList();
            assertThat(countries)
                    .containsExactlyInAnyOrderElementsOf(expected.countries().keySet());
            assertThat(countries).contains("PK", "IR").doesNotContain("RU", "UA", "PL", "RO", "MD", "GB");
            assertThat(Article.<Article>findById(id).tone).isEqualTo(expected.tone());
        });
    }

    private static PipelineState stateOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id).state);
    }

    private static long insert(String url, String title, String body, String declared, String deadOwner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Article a = new Article();
            a.url = url;
            a.title = title;
            a.body = body;
            a.language = declared;
            a.discoveredAt = Instant.now();
            a.fetchedAt = Instant.now();
            a.state = PipelineState.EXTRACTED;
            if (deadOwner != null) {
                a.leaseOwner = deadOwner;
                a.leaseExpiresAt = Instant.now().minusSeconds(1);
                a.attempts = 1;
            }
            a.persist();
            return a.id;
        });
    }
}
