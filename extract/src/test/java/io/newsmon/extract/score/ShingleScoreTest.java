package io.newsmon.extract.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShingleScoreTest {

    @Test
    void identicalTextsScorePerfectly() {
        ShingleScore.Page p = ShingleScore.page("one two three four five", "one two three four five");
        assertThat(p.precision()).hasValue(1.0);
        assertThat(p.recall()).hasValue(1.0);
    }

    @Test
    void extraTextCostsPrecisionAndMissingTextCostsRecall() {
        // expected shingles: [a b c d], [b c d e]; extracted adds [c d e f]
        ShingleScore.Page p = ShingleScore.page("a b c d e", "a b c d e f");
        assertThat(p.precision().getAsDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(p.recall()).hasValue(1.0);
        ShingleScore.Page q = ShingleScore.page("a b c d e f", "a b c d");
        assertThat(q.recall().getAsDouble()).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void shortTextsAreOneShingleAndShinglesCountAsAMultiset() {
        assertThat(ShingleScore.page("Breaking news", "Breaking news").precision())
                .hasValue(1.0);
        ShingleScore.Page repeated = ShingleScore.page("w x y z", "w x y z w x y z");
        assertThat(repeated.precision().getAsDouble()).isLessThan(1.0);
    }

    @Test
    void anEmptyExtractionHasNoPrecisionAndZeroRecall() {
        ShingleScore.Page p = ShingleScore.page("some expected words here", "");
        assertThat(p.precision()).isEmpty();
        assertThat(p.recall()).hasValue(0.0);
        ShingleScore.Corpus c = ShingleScore.corpus(List.of(p, ShingleScore.page("a b c d", "a b c d")));
        assertThat(c.precision()).isEqualTo(1.0);
        assertThat(c.recall()).isEqualTo(0.5);
        assertThat(c.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
    }
}
