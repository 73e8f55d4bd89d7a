package io.newsmon.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextDumpExtractorTest {

    private static final Path SEED = Path.of("../../shared/seeds/000_fb85a5c55c639259.txt");
    private static final Path EXPECTED = Path.of("../../shared/seeds/000_fb85a5c55c639259.expected.json");

    private final TextDumpExtractor extractor = new TextDumpExtractor();

    @Test
    void theSeedPageGivesWhatAUserExpects() throws IOException {
        assumeTrue(Files.exists(SEED), "../shared/seeds is absent: the seed page check is skipped");
        JsonNode want = new ObjectMapper().readTree(EXPECTED.toFile()).path("article");
        ExtractedArticle a = extractor.extract(Files.readString(SEED));
        assertThat(a.title()).isEqualTo(want.path("title").asText());
        assertThat(a.imageCaption()).isEqualTo(want.path("image_caption").asText());
        assertThat(a.published().toString()).startsWith(want.path("published").asText());
        assertThat(a.section()).isEqualTo(want.path("section").asText());
        assertThat(a.credit()).isEqualTo(want.path("credit").asText());
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.body())
                .startsWith(want.path("body_starts_with").asText())
                .endsWith(want.path("body_ends_with").asText());
        for (JsonNode boilerplate : want.path("boilerplate_not_in_body")) {
            assertThat(a.body()).doesNotContain(boilerplate.asText());
        }
    }

    @Test
    void aDumpOfTeasersAloneHasNoBody() {
        String teasers = String.join(
                "\n",
                "Top stories",
                "-",
                "Ministers meet in Geneva to discuss the grain corridor and shipping insurance for the winter.",
                "-",
                "Rail strike called off after a late-night deal between unions and the operator in the capital.",
                "Leave a review");
        ExtractedArticle a = extractor.extract(teasers);
        assertThat(a.body()).isNull();
        assertThat(a.problem()).contains("no run of prose lines");
    }

    @Test
    void emptyInputSaysSo() {
        assertThat(extractor.extract("  \n ").problem()).isEqualTo("empty input");
    }
}
