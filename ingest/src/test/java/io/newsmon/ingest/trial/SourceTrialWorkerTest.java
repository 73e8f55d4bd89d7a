package io.newsmon.ingest.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.domain.dto.TrialLine;
import io.newsmon.domain.source.Source;
import io.newsmon.domain.source.SourceTrial;
import io.newsmon.domain.source.SourceTrial.State;
import io.newsmon.ingest.pipeline.NewsSitesResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Source trials queued in the database are run by ingest against real (local) sites, adding nothing. */
@QuarkusTest
@QuarkusTestResource(NewsSitesResource.class)
class SourceTrialWorkerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "newsroom.feed-url")
    String feedUrl;

    @ConfigProperty(name = "broken.base")
    String brokenBase;

    @Inject
    SourceTrialStore store;

    @Test
    void aFeedIsTriedWithItsFirstArticlesAndNothingIsAdded() throws Exception {
        long sourcesBefore = QuarkusTransaction.requiringNew().call(() -> Source.count());
        long id = queue(feedUrl, 3, State.PENDING, null);

        SourceTrial done = awaitFinished(id);

        assertThat(done.state).isEqualTo(State.DONE);
        assertThat(done.error).isNull();
        assertThat(done.finishedAt).isNotNull();
        List<TrialLine> lines = lines(done);
        assertThat(lines).hasSize(3).allSatisfy(line -> {
            assertThat(line.status()).as(line.url()).isEqualTo("ok");
            assertThat(line.title()).isNotBlank();
            assertThat(line.bodyLength()).isGreaterThan(200);
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> Source.count()))
                .as("a trial adds no source")
                .isEqualTo(sourcesBefore);
    }

    @Test
    void aFailingServerEndsTheTrialWithItsErrorAsALine() throws Exception {
        long id = queue(brokenBase + "/error", 5, State.PENDING, null);

        SourceTrial done = awaitFinished(id);

        assertThat(done.state).isEqualTo(State.DONE);
        assertThat(lines(done)).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo("error");
            assertThat(line.error()).contains("HTTP 500");
        });
    }

    @Test
    void aTrialWhoseRunnerDiedIsTakenOverButARunningOneIsLeftAlone() throws Exception {
        long orphan =
                queue(brokenBase + "/html", 2, State.RUNNING, Instant.now().minusSeconds(5));
        long running =
                queue(brokenBase + "/html", 2, State.RUNNING, Instant.now().plusSeconds(3600));

        assertThat(awaitFinished(orphan).state).isEqualTo(State.DONE);
        SourceTrial other = QuarkusTransaction.requiringNew().call(() -> SourceTrial.findById(running));
        assertThat(other.state).as("its runner's lease still holds").isEqualTo(State.RUNNING);
        assertThat(other.lines).isNull();
    }

    @Test
    void theSourcesPatternsAreAppliedAndAFeedOfCopiesGivesABoundedList() throws Exception {
        long filtered = queue(feedUrl, 20, State.PENDING, null);
        QuarkusTransaction.requiringNew().run(() -> {
            SourceTrial t = SourceTrial.findById(filtered);
            t.excludePattern = "/world/";
        });
        List<TrialLine> lines = lines(awaitFinished(filtered));
        assertThat(lines)
                .filteredOn(l -> l.url().contains("/world/"))
                .isNotEmpty()
                .allSatisfy(l -> {
                    assertThat(l.status()).isEqualTo("skipped");
                    assertThat(l.error()).contains("pattern");
                });
        assertThat(lines)
                .filteredOn(TrialLine::ok)
                .isNotEmpty()
                .noneMatch(l -> l.url().contains("/world/"));

        long copies = queue(brokenBase + "/dup-feed.xml", 10, State.PENDING, null);
        List<TrialLine> echo = lines(awaitFinished(copies));
        assertThat(echo)
                .as("one page tried, 25 copies listed, one line counting the rest")
                .hasSize(27);
        assertThat(echo.get(echo.size() - 1).error())
                .isEqualTo("274 more duplicate, malformed or left-out entries not listed");
    }

    @Test
    void onlyTheRunnerHoldingTheClaimWritesATrial() throws Exception {
        long id = queue(brokenBase + "/html", 2, State.RUNNING, Instant.now().plusSeconds(3600));
        QuarkusTransaction.requiringNew().run(() -> SourceTrial.<SourceTrial>findById(id).runner = "runner-a");
        SourceTrialStore.Claimed a = new SourceTrialStore.Claimed(id, brokenBase + "/html", 2, null, null, "runner-a");
        SourceTrialStore.Claimed b = new SourceTrialStore.Claimed(id, brokenBase + "/html", 2, null, null, "runner-b");
        TrialLine line = new TrialLine(brokenBase + "/html", "error", null, null, 0, "no article");

        assertThat(store.progress(b, List.of(line), Duration.ofMinutes(5)))
                .as("not b's claim")
                .isFalse();
        assertThat(store.finish(b, List.of(line), null)).isFalse();
        assertThat(store.progress(a, List.of(line), Duration.ofMinutes(5))).isTrue();
        assertThat(store.finish(a, List.of(line), null)).isTrue();
        SourceTrial done = QuarkusTransaction.requiringNew().call(() -> SourceTrial.findById(id));
        assertThat(done.state).isEqualTo(State.DONE);
        assertThat(lines(done)).containsExactly(line);
    }

    private static long queue(String url, int max, State state, Instant leaseUntil) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SourceTrial t = new SourceTrial();
            t.url = url;
            t.maxArticles = max;
            t.state = state;
            t.leaseUntil = leaseUntil;
            t.requestedBy = "test-admin";
            t.createdAt = Instant.now();
            t.persist();
            return t.id;
        });
    }

    private static SourceTrial awaitFinished(long id) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> SourceTrial.<SourceTrial>findById(id).finished()));
        return QuarkusTransaction.requiringNew().call(() -> SourceTrial.findById(id));
    }

    private static List<TrialLine> lines(SourceTrial t) throws Exception {
        return JSON.readValue(t.lines, new TypeReference<>() {});
    }
}
