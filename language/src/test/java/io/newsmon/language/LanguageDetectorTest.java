package io.newsmon.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void namesTheLanguageOfNewsTextAsAnIso639Code() {
        assertThat(detector.detect("The finance ministry said on Tuesday that inflation had eased for a third month,"
                        + " giving the central bank room to cut interest rates before the end of the year."))
                .contains("en");
        assertThat(detector.detect("Le gouvernement a annoncé mardi une hausse des salaires dans la fonction"
                        + " publique, une mesure réclamée depuis des mois par les syndicats."))
                .contains("fr");
        assertThat(detector.detect("Die Regierung kündigte am Dienstag an, die Steuern für kleine Unternehmen zu"
                        + " senken, nachdem die Wirtschaft im dritten Quartal geschrumpft war."))
                .contains("de");
        assertThat(detector.detect("El presidente del Gobierno anunció el martes un plan de inversiones para"
                        + " modernizar los puertos del país durante los próximos cinco años."))
                .contains("es");
    }

    @Test
    void saysNothingRatherThanGuessOnNoText() {
        assertThat(detector.detect("")).isEmpty();
        assertThat(detector.detect(null)).isEmpty();
        assertThat(detector.detect("   ")).isEmpty();
    }
}
