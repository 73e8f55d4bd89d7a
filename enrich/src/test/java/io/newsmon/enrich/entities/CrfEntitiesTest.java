package io.newsmon.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The English recogniser with its real CoreNLP model, on the shared seed page and development set. */
class CrfEntitiesTest {

    private static final Path SHARED = Path.of("..", "..", "shared");

    private static CrfRecognizer crf;
    private static EntityRecognizer english;

    @BeforeAll
    static void load() {
        crf = CrfRecognizer.load(CrfRecognizer.ALL_3CLASS, false);
        english = new NewsEntityRecognizer(crf);
    }

    @Test
    void findsPeopleOrganisationsAndPlacesInANewsSentence() {
        String text = "Pakistan's Jalil Abbas Jilani met Iran's Hossein Amir-Abdollahian in Islamabad on Monday,"
                + " Reuters reported.";
        assertThat(english.recognize(text))
                .extracting(e -> e.type() + ":" + e.text())
                .containsExactly(
                        "LOCATION:Pakistan",
                        "PERSON:Jalil Abbas Jilani",
                        "LOCATION:Iran",
                        "PERSON:Hossein Amir-Abdollahian",
                        "LOCATION:Islamabad",
                        "ORGANIZATION:Reuters");
        for (Entity e : english.recognize(text)) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
    }

    @Test
    void theSeedPageHasEveryExpectedEntityAndCountryAndNoneOfTheWrongOnes() throws Exception {
        Path seed = SHARED.resolve("seeds/000_fb85a5c55c639259.txt");
        Path expected = SHARED.resolve("seeds/000_fb85a5c55c639259.expected.json");
        assumeTrue(Files.isRegularFile(seed), "../shared/seeds is absent: the seed page check is skipped");
        String text = Files.readString(seed);
        List<Entity> found = english.recognize(text);
        Map<String, Set<String>> byType = found.stream()
                .collect(Collectors.groupingBy(Entity::type, Collectors.mapping(Entity::text, Collectors.toSet())));
        JsonNode want = new ObjectMapper().readTree(expected.toFile()).path("entities_in_body");
        for (String type : List.of("PERSON", "ORGANIZATION", "LOCATION")) {
            for (JsonNode name : want.path(type).path("must")) {
                String n = name.asText();
                // "Hossein Amir Abdollahian" is written "Hossein Amir-Abdollahian" on the page
                assertThat(byType.getOrDefault(type, Set.of()))
                        .as(type + " " + n)
                        .anySatisfy(t -> assertThat(t.replace('-', ' ')).isEqualTo(n.replace('-', ' ')));
            }
        }
        for (JsonNode name : want.path("must_not_be_person")) {
            assertThat(byType.getOrDefault("PERSON", Set.of())).doesNotContain(name.asText());
        }
        // countries are those of the article's body (the page around it links other stories)
        JsonNode article = new ObjectMapper().readTree(expected.toFile()).path("article");
        String first = article.path("body_starts_with").asText();
        String last = article.path("body_ends_with").asText();
        String body = text.substring(text.indexOf(first), text.indexOf(last) + last.length());
        Map<String, Integer> countries = Geotagger.countries(english.recognize(body), body);
        assertThat(List.copyOf(countries.keySet()).subList(0, 2)).containsExactlyInAnyOrder("PK", "IR");
        assertThat(countries).containsKey("IL");
        JsonNode mustNot = new ObjectMapper()
                .readTree(expected.toFile())
                .path("countries_in_body")
                .path("must_not");
        for (JsonNode code : mustNot) {
            assertThat(countries).as("countries of the seed page").doesNotContainKey(code.asText());
        }
    }

    @Test
    void onTheDevelopmentSetTheRulesAddToTheModelAndPassTheBar() throws Exception {
        Path dev = SHARED.resolve("eval/ner-dev/wikigold.dev.conll.txt");
        assumeTrue(Files.isRegularFile(dev), "../shared/eval/ner-dev is absent: the F1 check is skipped");
        List<NerScore.Sentence> sentences = NerScore.readConll(dev);
        double model = NerScore.score(crf, sentences).get("ALL").f1();
        double withRules = NerScore.score(english, sentences).get("ALL").f1();
        assertThat(withRules).isGreaterThan(model).isGreaterThanOrEqualTo(0.72);
    }
}
