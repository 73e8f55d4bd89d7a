package io.newsmon.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.source.Source;
import io.newsmon.seeds.newsroom.NewsroomArticle;
import io.newsmon.seeds.newsroom.NewsroomCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Feeds to EXTRACTED articles against a real (local) news site, and bad sources failing cleanly. */
@QuarkusTest
@QuarkusTestResource(NewsSitesResource.class)
class IngestPipelineTest {

    @ConfigProperty(name = "newsroom.article-count")
    int newsroomArticles;

    @ConfigProperty(name = "broken.base")
    String brokenBase;

    @ConfigProperty(name = "newsroom.original-url")
    String originalUrl;

    @Test
    void everyNewsroomArticleIsFetchedAndExtractedWithoutItsPageChrome() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> Article.count("state", PipelineState.EXTRACTED) >= newsroomArticles));

        List<NewsroomArticle> catalog = new NewsroomCatalog().articles();
        QuarkusTransaction.requiringNew().run(() -> {
            for (NewsroomArticle expected : catalog) {
                Article stored = Article.<Article>find("title", expected.title())
                        .firstResultOptional()
                        .orElseThrow(() -> new AssertionError("not ingested: " + expected.title()));
                assertThat(stored.state).isEqualTo(PipelineState.EXTRACTED);
                assertThat(stored.publishedAt).isEqualTo(expected.published().toInstant());
                assertThat(stored.authorList()).contains(expected.author());
                int expectedLength = 0;
                for (String paragraph : expected.paragraphs()) {
                    assertThat(stored.body).as("body of %s", expected.slug()).contains(paragraph);
                    expectedLength += paragraph.length() + 2;
                }
                assertThat(stored.body.length())
                        .as("%s carries no comments, banners or related links", expected.slug())
                        .isLessThan((int) (expectedLength * 1.15));
            }
        });
    }

    @Test
    void badSourcesEndWithAClearErrorAndStopNothingElse() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> QuarkusTransaction.requiringNew().run(() -> {
                    assertThat(errorOf(brokenBase + "/html"))
                            .contains("HTML page")
                            .contains("no feed link")
                            .contains("too few article links (0)");
                    assertThat(errorOf(brokenBase + "/error")).contains("HTTP 500");
                    assertThat(errorOf(NewsSitesResource.MALFORMED_FEED_URL)).contains("malformed URL");
                }));
        QuarkusTransaction.requiringNew().run(() -> {
            Source bad = Source.findByUrl(brokenBase + "/error").orElseThrow();
            assertThat(bad.consecutiveFailures).isGreaterThanOrEqualTo(1);
            assertThat(bad.nextPollAt).as("a failing source is retried later").isAfter(bad.lastPolledAt);
        });
    }

    @Test
    void anUnchangedFeedIsAskedConditionallyAndABusyServerIsLeftAlone() {
        await().atMost(Duration.ofSeconds(30)).until(() -> NewsSitesResource.NOT_MODIFIED.get() >= 1);
        QuarkusTransaction.requiringNew().run(() -> {
            Source quiet = Source.findByUrl(brokenBase + "/etag-feed").orElseThrow();
            assertThat(quiet.etag).isEqualTo("\"v1\"");
            assertThat(quiet.lastError).isNull();
        });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> QuarkusTransaction.requiringNew().run(() -> {
                    Source busy = Source.findByUrl(brokenBase + "/busy").orElseThrow();
                    assertThat(busy.lastError).contains("HTTP 429").contains("Retry-After: 120");
                    assertThat(busy.nextPollAt).isAfterOrEqualTo(busy.lastPolledAt.plusSeconds(120));
                }));
    }

    @Test
    void syndicatedCopiesLinkToTheFirstArticleInsteadOfBecomingNewOnes() {
        String copyUrl = brokenBase + "/syndicated/copy.html";
        String pointerUrl = brokenBase + "/syndicated/canonical.html";
        await().atMost(Duration.ofSeconds(60))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> Article.findByUrl(copyUrl)
                                        .map(a -> a.state != PipelineState.DISCOVERED)
                                        .orElse(false)
                                && Article.findByUrl(pointerUrl)
                                        .map(a -> a.state != PipelineState.DISCOVERED)
                                        .orElse(false)));
        QuarkusTransaction.requiringNew().run(() -> {
            Article original = Article.findByUrl(originalUrl).orElseThrow();
            Article copy = Article.findByUrl(copyUrl).orElseThrow();
            Article pointer = Article.findByUrl(pointerUrl).orElseThrow();
            assertThat(original.state).isEqualTo(PipelineState.EXTRACTED);
            assertThat(copy.state).as("near-identical text").isEqualTo(PipelineState.DUPLICATE);
            assertThat(copy.duplicateOf).isEqualTo(original.id);
            assertThat(pointer.state).as("canonical URL of a known article").isEqualTo(PipelineState.DUPLICATE);
            assertThat(pointer.duplicateOf).isEqualTo(original.id);
        });
    }

    @Test
    void anHtmlSectionPageIsPolledForItsArticleLinks() {
        String section = brokenBase + "/section";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> Article.count("url like ?1", brokenBase + "/news/%") >= 3));
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Source.findByUrl(section).orElseThrow().lastError).isNull();
            assertThat(Article.<Article>list("url like ?1", brokenBase + "/news/%").stream()
                            .map(a -> a.url.substring(brokenBase.length()))
                            .toList())
                    .containsExactlyInAnyOrder(
                            "/news/harbour-board-approves-the-winter-schedule",
                            "/news/pilots-warn-of-shifting-sandbanks-in-the-channel",
                            "/news/fish-market-moves-to-the-old-customs-house");
        });
    }

    @Test
    void anHtmlPageThatNamesItsFeedIsPolledThroughThatFeed() {
        String page = brokenBase + "/with-feed";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> Source.findByUrl(page).orElseThrow().lastSuccessAt != null));
        QuarkusTransaction.requiringNew().run(() -> {
            Source source = Source.findByUrl(page).orElseThrow();
            assertThat(source.lastError).isNull();
            assertThat(source.name).as("named after the feed, not the page").isEqualTo("Discovered Wire");
            assertThat(source.etag).isNull();
            assertThat(Article.<Article>list("url like ?1", brokenBase + "/wire/%").stream()
                            .map(a -> a.url.substring(brokenBase.length()))
                            .toList())
                    .containsExactlyInAnyOrder(
                            "/wire/first-story-from-the-discovered-feed",
                            "/wire/second-story-from-the-discovered-feed");
            assertThat(Article.count("url like ?1", brokenBase + "/with-feed/%"))
                    .as("the page's own links are not read when it names its feed")
                    .isZero();
        });
    }

    @Test
    void aSourcesPatternsAndPerPollLimitDecideWhichItemsBecomeArticles() {
        String feed = brokenBase + "/filtered/feed.xml";
        QuarkusTransaction.requiringNew().run(() -> {
            Source s = new Source();
            s.url = feed;
            s.name = "Filtered Wire";
            s.includePattern = "/world/";
            s.excludePattern = "/live/";
            s.maxPerPoll = 2;
            s.pollIntervalSeconds = 3600;
            s.adaptivePoll = false;
            s.createdAt = java.time.Instant.now();
            s.persist();
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> Source.findByUrl(feed).orElseThrow().lastSuccessAt != null));
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Article.<Article>list("url like ?1", brokenBase + "/filtered/%").stream()
                            .map(a -> a.url.substring(brokenBase.length()))
                            .toList())
                    .containsExactlyInAnyOrder(
                            "/filtered/world/first-world-story", "/filtered/world/second-world-story");
            Source s = Source.findByUrl(feed).orElseThrow();
            assertThat(s.pollInterval())
                    .as("not adaptive: the configured interval")
                    .isEqualTo(Duration.ofHours(1));
        });
    }

    @Test
    void ofTwoReplicasOnlyOneClaimsADuePoll() {
        java.time.Instant now = java.time.Instant.now();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Source s = new Source();
            s.url = brokenBase + "/claimed/feed.xml";
            s.name = "Claimed";
            s.enabled = false; // the poller leaves it alone; the claim is tried by hand below
            s.createdAt = now;
            s.persist();
            return s.id;
        });
        QuarkusTransaction.requiringNew()
                .run(() -> Source.update("enabled = true, nextPollAt = ?1 where id = ?2", now.plusSeconds(3600), id));
        // not due yet: nobody may claim it
        assertThat(QuarkusTransaction.requiringNew().call(() -> Source.claimForPoll(id, now, now.plusSeconds(300))))
                .isFalse();
        java.time.Instant later = now.plusSeconds(3601);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Source.claimForPoll(id, later, later.plusSeconds(300))))
                .isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Source.claimForPoll(id, later, later.plusSeconds(300))))
                .as("the second replica finds it claimed")
                .isFalse();
    }

    private static String errorOf(String url) {
        return Source.findByUrl(url).map(s -> s.lastError).orElse(null);
    }
}
