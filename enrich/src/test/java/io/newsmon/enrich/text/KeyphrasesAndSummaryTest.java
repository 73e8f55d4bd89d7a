package io.newsmon.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyphrasesAndSummaryTest {

    private static final String TITLE = "Dock strike halts container traffic at Rotterdam port";
    private static final String BODY = "A dock strike halted container traffic at the port of Rotterdam on Monday."
            + " Crane operators walked out after wage talks with the port authority collapsed.\n\n"
            + "The dock strike is the longest in a decade, the union said. Container ships queued outside the"
            + " harbour as the strike entered its third day.\n\n"
            + "Shipping lines diverted vessels to Antwerp and Hamburg. The weather was mild.\n\n"
            + "Port officials said talks on the wage dispute would resume on Thursday.";

    @Test
    void keyphrasesAreTheRecurringContentPhrasesWithoutStopWords() {
        List<String> phrases = Keyphrases.of(TITLE, BODY, 5);
        assertThat(phrases).hasSizeLessThanOrEqualTo(5).contains("dock strike");
        assertThat(phrases).allSatisfy(p -> {
            assertThat(p.split(" ")).hasSizeLessThanOrEqualTo(3);
            assertThat(p.split(" ")[0]).isNotIn("the", "a", "of", "on", "said");
        });
        assertThat(Keyphrases.of("", "", 5)).isEmpty();
    }

    @Test
    void theSummaryIsThreeOfTheArticlesOwnSentencesInOrderLeadFirst() {
        List<String> summary = Summarizer.summary(BODY, 3);
        assertThat(summary).hasSize(3);
        assertThat(summary.get(0)).startsWith("A dock strike halted container traffic");
        assertThat(summary).allSatisfy(s -> assertThat(BODY).contains(s));
        assertThat(summary).doesNotContain("The weather was mild.");
        assertThat(BODY.indexOf(summary.get(1))).isLessThan(BODY.indexOf(summary.get(2)));
        assertThat(Summarizer.summary("", 3)).isEmpty();
        assertThat(Summarizer.summary("word ".repeat(200_000), 3)).hasSizeLessThanOrEqualTo(3);
    }
}
