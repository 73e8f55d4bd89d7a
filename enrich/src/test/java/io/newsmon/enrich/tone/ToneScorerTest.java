package io.newsmon.enrich.tone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToneScorerTest {

    private static final ToneScorer TONE = ToneScorer.load();

    @Test
    void goodNewsIsPositiveBadNewsNegativeAndFactsNeutral() {
        assertThat(TONE.sentence("The talks were a great success and both sides welcomed the agreement."))
                .isGreaterThan(0.5);
        assertThat(TONE.sentence("The attack killed dozens of people and wounded many more."))
                .isLessThan(-0.5);
        assertThat(TONE.sentence("The ministry published the figures on Tuesday."))
                .isZero();
        assertThat(TONE.text("")).isZero();
    }

    @Test
    void negationBoostersCapsExclamationsAndButChangeTheScore() {
        double good = TONE.sentence("The plan is good.");
        assertThat(TONE.sentence("The plan is not good.")).isLessThan(0);
        assertThat(TONE.sentence("The plan is very good.")).isGreaterThan(good);
        assertThat(TONE.sentence("The plan is slightly good.")).isLessThan(good).isGreaterThan(0);
        assertThat(TONE.sentence("The plan is GOOD.")).isGreaterThan(good);
        assertThat(TONE.sentence("The plan is good!!")).isGreaterThan(good);
        // what follows "but" weighs more
        assertThat(TONE.sentence("The food was good but the service was terrible."))
                .isLessThan(0);
        assertThat(TONE.sentence("The service was terrible but the food was good."))
                .isGreaterThan(0);
    }

    @Test
    void anArticleIsTheMeanOfItsSentencesWithToneAndAnEntityOfItsOwnSentences() {
        String text = "Officials praised the excellent agreement.\nThe report was released on Monday. Rebels"
                + " attacked the convoy and killed three soldiers.";
        assertThat(ToneScorer.sentences(text)).hasSize(3);
        double whole = TONE.text(text);
        double first = TONE.sentence("Officials praised the excellent agreement.");
        double last = TONE.sentence("Rebels attacked the convoy and killed three soldiers.");
        assertThat(whole).isCloseTo((first + last) / 2, org.assertj.core.data.Offset.offset(0.001));
        int rebels = text.indexOf("Rebels");
        assertThat(TONE.around(text, List.of(new int[] {rebels, rebels + 6}))).isLessThan(-0.5);
        assertThat(TONE.around(text, List.of(new int[] {0, 9}))).isGreaterThan(0.5);
        assertThat(TONE.around(text, List.of())).isNull();
    }
}
