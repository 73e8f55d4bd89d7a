package io.newsmon.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyphrasesLanguagesTest {

    @Test
    void germanKeyphrasesUseGermanStopWords() {
        List<String> phrases = Keyphrases.of(
                "Hafenbehörde genehmigt neuen Kai",
                "Die Hafenbehörde hat am Montag den neuen Kai genehmigt. Der neue Kai soll im Frühjahr eröffnet"
                        + " werden, und die Hafenbehörde erwartet mehr Containerschiffe. Die Fischer sind mit dem"
                        + " neuen Kai nicht zufrieden.",
                5,
                "de");
        assertThat(phrases).isNotEmpty().contains("hafenbehörde");
        assertThat(String.join(" ", phrases).split(" ")).doesNotContain("die", "der", "und", "den", "hat", "mit");
    }

    @Test
    void aLanguageWithoutAStopListGetsNoKeyphrasesRatherThanBadOnes() {
        assertThat(Keyphrases.of("港口", "港口的起重机今天到达。", 5, "zh")).isEmpty();
        assertThat(Keyphrases.of("t", "b", 5, (String) null)).isEmpty();
    }
}
