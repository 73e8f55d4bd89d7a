package io.newsmon.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> split(String text, String language) {
        return Sentences.of(text, language).stream()
                .map(s -> text.substring(s[0], s[1]))
                .toList();
    }

    @Test
    void theEnglishModelKeepsAbbreviationsAndParagraphsSplit() {
        assertThat(split(
                        "Mr. Jilani met Dr. Amir in Islamabad on Monday. Both said the talks went well.\n"
                                + "A second paragraph without a full stop",
                        "en"))
                .containsExactly(
                        "Mr. Jilani met Dr. Amir in Islamabad on Monday.",
                        "Both said the talks went well.",
                        "A second paragraph without a full stop");
    }

    @Test
    void germanAndFrenchHaveTheirModelsAndOtherLanguagesTheRules() {
        assertThat(split("Der Hafen ist geschlossen. Die Fischer warten auf besseres Wetter.", "de"))
                .hasSize(2);
        assertThat(split("Le port est fermé. Les pêcheurs attendent.", "fr")).hasSize(2);
        assertThat(split("El puerto está cerrado. Los pescadores esperan.", "es"))
                .hasSize(2);
        assertThat(split("", "en")).isEmpty();
    }
}
