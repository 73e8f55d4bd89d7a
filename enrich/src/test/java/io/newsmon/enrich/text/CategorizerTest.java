package io.newsmon.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategorizerTest {

    private final Categorizer categorizer = Categorizer.standard();

    @Test
    void storiesGetTheirTopLevelCategoryBestFirst() {
        assertThat(
                        categorizer.categorize(
                                "Valley United win the cup final",
                                "The striker scored two goals as Valley United beat the league champions 3-1. The coach"
                                        + " praised his players after a long season, and the team lifts the trophy in the stadium."))
                .first()
                .isEqualTo("sport");
        assertThat(categorizer.categorize(
                        "Opposition wins the regional election",
                        "Voters turned out in large numbers. The opposition party won a majority in parliament, and"
                                + " the prime minister conceded. The new coalition government promised a referendum."))
                .first()
                .isEqualTo("politics");
        assertThat(categorizer.categorize(
                        "Earthquake hits the coast",
                        "A strong earthquake and a landslide killed twelve people; rescuers searched the debris and"
                                + " thousands were evacuated as the death toll rose and survivors waited for help."))
                .first()
                .isEqualTo("disaster");
        assertThat(categorizer.categorize(
                        "Central bank raises interest rates",
                        "Inflation rose again, the central bank said, and markets fell as investors sold shares."
                                + " Economists expect slower growth and higher prices for companies."))
                .first()
                .isEqualTo("economy");
    }

    @Test
    void aTextWithoutClearCuesGetsNoCategory() {
        assertThat(categorizer.categorize("A quiet afternoon", "Nothing much happened and then it was evening."))
                .isEmpty();
        assertThat(categorizer.categorize(null, null)).isEmpty();
    }

    @Test
    void theSeedPageIsPoliticsOrConflict() throws Exception {
        Path shared = Path.of("..", "..", "shared").toAbsolutePath().normalize();
        Path seed = shared.resolve("seeds/000_fb85a5c55c639259.txt");
        Path expected = shared.resolve("seeds/000_fb85a5c55c639259.expected.json");
        assumeTrue(Files.isRegularFile(seed), "../shared/seeds is absent: the seed page check is skipped");
        JsonNode want = new ObjectMapper().readTree(expected.toFile());
        String text = Files.readString(seed);
        String first = want.path("article").path("body_starts_with").asText();
        String last = want.path("article").path("body_ends_with").asText();
        String body = text.substring(text.indexOf(first), text.indexOf(last) + last.length());
        List<String> categories =
                categorizer.categorize(want.path("article").path("title").asText(), body);
        List<String> acceptable = new ArrayList<>();
        want.path("categories").path("must_include_one_of").forEach(n -> acceptable.add(n.asText()));
        assertThat(categories).as("categories of the seed page").containsAnyElementsOf(acceptable);
    }
}
