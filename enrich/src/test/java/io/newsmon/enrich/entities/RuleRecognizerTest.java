package io.newsmon.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fallback for languages without a model: people after titles, organisations by cue words, places by gazetteer. */
class RuleRecognizerTest {

    private final EntityRecognizer fallback = Recognizers.fallback();

    private List<String> found(String text) {
        return fallback.recognize(text).stream()
                .map(e -> e.type() + ":" + e.text())
                .toList();
    }

    @Test
    void german() {
        assertThat(found("Der Präsident Emmanuel Macron traf am Montag in Berlin Vertreter der Deutschen Bank."
                        + " Danach reiste er nach Frankreich zurück."))
                .contains(
                        "PERSON:Emmanuel Macron",
                        "LOCATION:Berlin",
                        "ORGANIZATION:Deutschen Bank",
                        "LOCATION:Frankreich")
                .doesNotContain("LOCATION:Der", "PERSON:Danach");
    }

    @Test
    void french() {
        assertThat(found("Le ministre Jean Dupont a rencontré la direction de la Banque de France à Lyon mardi."))
                .contains("PERSON:Jean Dupont", "ORGANIZATION:Banque de France", "LOCATION:Lyon");
    }

    @Test
    void spanish() {
        assertThat(
                        found(
                                "La presidenta Ana García visitó Madrid con dirigentes del Partido Popular y viajó a Alemania."))
                .contains("PERSON:Ana García", "LOCATION:Madrid", "ORGANIZATION:Partido Popular", "LOCATION:Alemania");
    }

    @Test
    void capitalisedWordsWithoutACueAreNotGuessed() {
        // German capitalises every noun: none of these is a name
        assertThat(found("Die Regierung plant neue Regeln für Haushalte und Unternehmen im Winter."))
                .isEmpty();
    }
}
