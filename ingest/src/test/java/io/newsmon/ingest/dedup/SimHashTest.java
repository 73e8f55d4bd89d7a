package io.newsmon.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.seeds.newsroom.NewsroomArticle;
import io.newsmon.seeds.newsroom.NewsroomCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimHashTest {

    private final List<NewsroomArticle> articles = new NewsroomCatalog().articles();

    @Test
    void aSyndicatedCopyIsWithinReachAndOtherStoriesAreNot() {
        String original = String.join("\n\n", articles.get(0).paragraphs());
        String copy = "By Wire Staff\n\n" + original + "\n\nThis article first appeared in The Harbour Ledger.";
        assertThat(SimHash.distance(SimHash.of(original), SimHash.of(original))).isZero();
        assertThat(SimHash.distance(SimHash.of(original), SimHash.of(copy))).isLessThanOrEqualTo(SimHash.NEAR);
        for (NewsroomArticle other : articles.subList(1, articles.size())) {
            String text = String.join("\n\n", other.paragraphs());
            assertThat(SimHash.distance(SimHash.of(original), SimHash.of(text)))
                    .as("%s vs %s", articles.get(0).slug(), other.slug())
                    .isGreaterThan(SimHash.NEAR);
        }
    }

    @Test
    void shortTextsAreNotFingerprinted() {
        assertThat(SimHash.meaningful("Breaking: markets fall.")).isFalse();
        assertThat(SimHash.meaningful(String.join("\n\n", articles.get(0).paragraphs())))
                .isTrue();
    }
}
