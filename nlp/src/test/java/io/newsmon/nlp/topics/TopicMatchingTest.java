package io.newsmon.nlp.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.topic.AlertMode;
import io.newsmon.domain.topic.Topic;
import io.newsmon.domain.topic.TopicMatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Through the enrichment pipeline: an enriched article gets one topic_match row per topic it matches. */
@QuarkusTest
class TopicMatchingTest {

    @Inject
    TopicMatcher matcher;

    @Inject
    TopicMatchRecorder recorder;

    @Test
    void anEnrichedArticleIsMatchedOnceAgainstEveryUnpausedTopic() {
        long phrase = topic("\"zeppelin hangar\"", null, AlertMode.INSTANT, false);
        long person = topic("person:\"Ingrid Varnholt\"", "lang:en", AlertMode.DAILY, false);
        long off = topic("zeppelin NEAR/5 airfield", null, AlertMode.OFF, false); // no e-mail, still recorded
        long paused = topic("zeppelin", null, AlertMode.INSTANT, true);
        long other = topic("\"submarine cable\"", null, AlertMode.INSTANT, false);
        long french = topic("zeppelin", "lang:fr", AlertMode.INSTANT, false);
        matcher.refresh(); // what the scheduled refresh does every 2 s

        long id = insert(
                "https://n.example/zeppelin",
                "Zeppelin hangar reopens at Friedrichshafen airfield",
                "Transport minister Ingrid Varnholt reopened the restored zeppelin hangar at the old airfield on"
                        + " Monday. Ingrid Varnholt said the hangar would host an airship museum from the spring.");
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(id) == PipelineState.ENRICHED);

        QuarkusTransaction.requiringNew().run(() -> {
            Article a = Article.findById(id);
            List<TopicMatch> matches = TopicMatch.list("articleId = ?1 order by topicId", id);
            Map<Long, String> terms =
                    matches.stream().collect(Collectors.toMap(m -> m.topicId, m -> String.valueOf(m.matchedTerms)));
            assertThat(terms)
                    .containsOnlyKeys(phrase, person, off)
                    .containsEntry(phrase, "zeppelin hangar")
                    .containsEntry(person, "ingrid varnholt")
                    .containsEntry(off, "zeppelin airfield");
            assertThat(matches).allSatisfy(m -> {
                assertThat(m.storyId).isNotNull().isEqualTo(a.storyId);
                assertThat(m.matchedAt).isNotNull();
                assertThat(m.deliveryId).isNull();
            });
            assertThat(terms).doesNotContainKeys(paused, other, french);
        });

        // matching the same article again (a redo) adds nothing: one row per (topic, article)
        QuarkusTransaction.requiringNew().run(() -> recorder.record(id, null));
        assertThat(QuarkusTransaction.requiringNew().call(() -> TopicMatch.count("articleId", id)))
                .isEqualTo(3);
    }

    @Test
    void aMatchForATopicDeletedSinceTheLastRefreshIsDroppedAndTheArticleStillEnriched() {
        long kept = topic("\"lighthouse keeper\"", null, AlertMode.INSTANT, false);
        long deleted = topic("lighthouse", null, AlertMode.INSTANT, false);
        matcher.refresh();
        QuarkusTransaction.requiringNew().run(() -> Topic.deleteById(deleted)); // no refresh in between

        long id = insert(
                "https://n.example/lighthouse",
                "Last lighthouse keeper retires",
                "The last lighthouse keeper on the northern coast retired on Friday after forty years.");
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(id) == PipelineState.ENRICHED);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> TopicMatch.<TopicMatch>list("articleId", id).stream()
                                .map(m -> m.topicId)
                                .toList()))
                .containsExactly(kept);
    }

    @Test
    void aFailedMatchIsRolledBackAloneAndTheArticleIsStillEnriched() {
        long failing = topic("\"forbidden words\"", null, AlertMode.INSTANT, false);
        long fine = topic("quarry", null, AlertMode.INSTANT, false);
        matcher.refresh();
        // a constraint this test adds makes storing the first topic's match fail inside the enrichment
        execute("ALTER TABLE topic_match ADD CONSTRAINT test_refuses CHECK (matched_terms <> 'forbidden words')");
        try {
            long id = insert(
                    "https://n.example/quarry",
                    "Quarry neighbours speak forbidden words",
                    "Residents near the quarry used forbidden words at the council meeting on Tuesday.");
            await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(id) == PipelineState.ENRICHED);
            QuarkusTransaction.requiringNew().run(() -> {
                Article a = Article.findById(id);
                assertThat(a.attempts).isLessThanOrEqualTo(1);
                assertThat(a.lastError).isNull();
                assertThat(a.storyId).as("the enrichment itself committed").isNotNull();
                assertThat(TopicMatch.count("articleId", id))
                        .as("the matches were rolled back together, not the enrichment")
                        .isZero();
            });
        } finally {
            execute("ALTER TABLE topic_match DROP CONSTRAINT test_refuses");
            QuarkusTransaction.requiringNew().run(() -> Topic.delete("id in ?1", List.of(failing, fine)));
        }
    }

    @Inject
    TopicCatchUp catchUp;

    @Test
    void aTopicSavedJustAfterAnArticleWasEnrichedStillGetsThatArticleOnce() throws Exception {
        long id = insert(
                "https://n.example/lighthouse-keepers",
                "Lighthouse keepers return to Skerryvore",
                "The lighthouse keepers of Skerryvore returned on Monday after the storm damage was repaired.");
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(id) == PipelineState.ENRICHED);
        // saved now: the article was enriched before any replica knew the topic
        long topic = topic("\"lighthouse keepers\"", null, AlertMode.INSTANT, false);
        catchUp.run();
        catchUp.run(); // a second pass (or another replica) adds nothing
        long rows = QuarkusTransaction.requiringNew()
                .call(() -> TopicMatch.count("topicId = ?1 and articleId = ?2", topic, id));
        assertThat(rows).isEqualTo(1);
    }

    private static void execute(String sql) {
        QuarkusTransaction.requiringNew()
                .run(() -> Topic.getEntityManager().createNativeQuery(sql).executeUpdate());
    }

    private static long topic(String query, String filter, AlertMode mode, boolean paused) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Topic t = new Topic();
            t.ownerId = "analyst";
            t.name = query;
            t.query = query;
            t.filter = filter;
            t.alertMode = mode;
            t.paused = paused;
            t.feedToken = UUID.randomUUID().toString();
            t.createdAt = Instant.now();
            t.updatedAt = t.createdAt;
            t.persist();
            return t.id;
        });
    }

    private static PipelineState stateOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id).state);
    }

    private static long insert(String url, String title, String body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Article a = new Article();
            a.url = url;
            a.title = title;
            a.body = body;
            a.discoveredAt = Instant.now();
            a.fetchedAt = Instant.now();
            a.state = PipelineState.EXTRACTED;
            a.persist();
            return a.id;
        });
    }
}
