package io.newsmon.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules around the model, each against a base recogniser that says exactly what a CRF might. */
class NewsEntityRecognizerTest {

    /** A base that tags the given strings (first occurrence each) with the given types. */
    private static EntityRecognizer base(String... typeAndText) {
        return text -> {
            List<Entity> out = new ArrayList<>();
            for (int i = 0; i < typeAndText.length; i += 2) {
                int at = text.indexOf(typeAndText[i + 1]);
                if (at >= 0) {
                    out.add(Entity.of(text, at, at + typeAndText[i + 1].length(), typeAndText[i]));
                }
            }
            return out;
        };
    }

    private static List<String> run(EntityRecognizer base, String text) {
        return new NewsEntityRecognizer(base)
                .recognize(text).stream()
                        .map(e -> e.type() + ":" + e.text() + "@" + e.start())
                        .toList();
    }

    @Test
    void aSurnameAloneIsThePersonAndHyphenatedNamesStayWhole() {
        String text = "Jalil Abbas Jilani met Hossein Amir-Abdollahian. Jilani said Abdollahian agreed.";
        List<String> found = run(base("PERSON", "Jalil Abbas Jilani", "PERSON", "Hossein Amir"), text);
        assertThat(found)
                .containsExactly(
                        "PERSON:Jalil Abbas Jilani@0",
                        "PERSON:Hossein Amir-Abdollahian@23",
                        "PERSON:Jilani@49",
                        "PERSON:Abdollahian@61");
    }

    @Test
    void countryNamesArePlacesAlsoWhereTheModelMissedThem() {
        String text = "Iran said on Monday it had talked to Pakistan. The Bank of America and New Mexico were not.";
        List<String> found = run(base("ORGANIZATION", "Iran", "ORGANIZATION", "Bank of America"), text);
        assertThat(found).containsExactly("LOCATION:Iran@0", "LOCATION:Pakistan@37", "ORGANIZATION:Bank of America@51");
    }

    @Test
    void acronymsAndOrganisationWordsMakeOrganisations() {
        String text = "Oslo fined the Kel Adrar Riders (KAR) group. KAR denied it, the Tuareg Liberation Front said.";
        List<String> found =
                run(base("PERSON", "Kel Adrar Riders", "PERSON", "Tuareg Liberation Front", "LOCATION", "Oslo"), text);
        assertThat(found)
                .containsExactly(
                        "LOCATION:Oslo@0",
                        "ORGANIZATION:Kel Adrar Riders@15",
                        "ORGANIZATION:KAR@33",
                        "ORGANIZATION:KAR@45",
                        "ORGANIZATION:Tuareg Liberation Front@64");
    }

    @Test
    void namesDoNotCrossLinesOrEndInLowerCaseWordsOrStartLowerCase() {
        String text = "Islamabad\nPakistan hit Iran's Sistan-Baluchestan province, a phoenix said.";
        List<String> found = run(
                base(
                        "LOCATION",
                        "Islamabad\nPakistan",
                        "LOCATION",
                        "Sistan-Baluchestan province",
                        "ORGANIZATION",
                        "phoenix"),
                text);
        assertThat(found)
                .containsExactly(
                        "LOCATION:Islamabad@0",
                        "LOCATION:Pakistan@10",
                        "LOCATION:Iran@23",
                        "LOCATION:Sistan-Baluchestan@30");
    }

    @Test
    void aQuotedCoinedNameIsNotAnEntityAndSuffixesJoinPeople() {
        String text = "Moscow tested a system dubbed \"Hazel.\" Martin Luther King Jr. spoke.";
        List<String> found = run(base("PERSON", "Hazel", "PERSON", "Martin Luther King", "LOCATION", "Moscow"), text);
        assertThat(found).containsExactly("LOCATION:Moscow@0", "PERSON:Martin Luther King Jr.@39");
    }

    @Test
    void emptyAndHostileTextsGiveResultsNotErrors() {
        NewsEntityRecognizer r = new NewsEntityRecognizer(base());
        assertThat(r.recognize("")).isEmpty();
        assertThat(r.recognize(null)).isEmpty();
        assertThat(r.recognize("😀 \u0000\u0007 Ирак и Iran"))
                .extracting(Entity::text)
                .containsExactly("Iran");
        assertThat(r.recognize("word ".repeat(20_000))).isEmpty();
    }
}
