package io.newsmon.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void keepsTheStoryAndDropsThePageAroundIt() throws IOException {
        ExtractedArticle a = extractor.extract(fixture("harbour-strike.html"), null, "https://courier.example/x");
        assertThat(a.problem()).isNull();
        assertThat(a.body())
                .startsWith("Crane operators at the Port of Westhaven voted on Monday")
                .contains("Shipping lines divert")
                .contains("Every day the cranes stand still")
                .endsWith("an offer the union has not yet answered.");
        assertThat(a.body().split("\n\n")).hasSize(6);
        assertThat(a.body())
                .doesNotContain("cookies")
                .doesNotContain("newsletter")
                .doesNotContain("Share on")
                .doesNotContain("Read more")
                .doesNotContain("Related")
                .doesNotContain("port bosses")
                .doesNotContain("Most read")
                .doesNotContain("All rights reserved")
                .doesNotContain("Idle cranes");
    }

    @Test
    void readsTheMetadataFromTheHead() throws IOException {
        ExtractedArticle a = extractor.extract(fixture("harbour-strike.html"), null, "https://courier.example/x");
        assertThat(a.title()).isEqualTo("Crane operators extend harbour strike into third week");
        assertThat(a.published()).isEqualTo(Instant.parse("2026-11-24T06:45:00Z"));
        assertThat(a.modified()).isEqualTo(Instant.parse("2026-11-24T09:05:00Z"));
        assertThat(a.section()).isEqualTo("Business");
        assertThat(a.authors()).containsExactly("Ines Larkin");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.canonicalUrl()).isEqualTo("https://courier.example/business/harbour-strike-third-week");
        assertThat(a.image()).isEqualTo("https://courier.example/images/cranes.jpg");
        assertThat(a.imageCaption()).isEqualTo("Idle cranes at the container terminal on Monday.");
        assertThat(a.siteName()).isEqualTo("Coastline Courier");
    }

    @Test
    void dropsTheSiteNameFromATitleTagWhenThereIsNothingBetter() {
        ExtractedArticle a = extractor.extract(
                "<html><head><title>Floods recede in the valley - Valley Post</title></head><body></body></html>",
                "https://valley.example/");
        assertThat(a.title()).isEqualTo("Floods recede in the valley");
    }

    @Test
    void neverThrowsAndSaysWhyOnHostileInput() {
        assertThat(extractor.extract(new byte[0], null, "x").problem()).isEqualTo("empty input");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertThat(extractor.extract(png, null, "x").problem()).contains("binary");

        String deep = "<div>".repeat(10_000) + "<p>" + "Deep text in a deep page. ".repeat(20) + "</p>"
                + "</div>".repeat(10_000);
        ExtractedArticle nested = extractor.extract(deep.getBytes(StandardCharsets.UTF_8), null, "x");
        assertThat(nested).isNotNull();

        byte[] huge = ("<html><body>" + "<p>" + "All work and no play makes a long page. ".repeat(50) + "</p>")
                .repeat(12_000)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(huge.length).isGreaterThan(20_000_000);
        ExtractedArticle big = extractor.extract(huge, null, "x");
        assertThat(big.problem()).contains("only its start was read");
        assertThat(big.body()).contains("All work and no play");

        byte[] broken = {
            '<', 'p', '>', 'C', 'a', 'f', (byte) 0xC3, '(', ' ', (byte) 0xFF, (byte) 0xFE, '<', '/', 'p', '>'
        };
        assertThat(extractor.extract(broken, "utf-8", "x")).isNotNull();
        assertThat(extractor.extract(broken, "no-such-charset", "x")).isNotNull();
        assertThat(extractor
                        .extract("<html><body><nav>Home</nav></body></html>", "x")
                        .problem())
                .isEqualTo("no article text found on the page");
    }

    @Test
    void aPageOverItsTimeBudgetEndsAsThatPagesError() {
        byte[] big = ("<html><body>" + "<div class=\"story\"><p>" + "Many words in many paragraphs. ".repeat(40)
                        + "</p></div>")
                .repeat(5_000)
                .getBytes(StandardCharsets.UTF_8);
        ExtractedArticle spent = new ArticleExtractor(Duration.ofMillis(5)).extract(big, "utf-8", "x");
        assertThat(spent.hasBody()).isFalse();
        assertThat(spent.problem()).contains("took longer than the 5 ms budget");
        // the budget is per page: the next page gets its own
        ArticleExtractor roomy = new ArticleExtractor(Duration.ofSeconds(30));
        assertThat(roomy.extract(big, "utf-8", "x").hasBody()).isTrue();
    }

    @Test
    void usesTheJsonLdBodyWhenThePageShowsItButTheDomMissesIt() {
        String body = "The council approved the new tram line on Tuesday after a long debate about its cost. "
                + "Construction is due to start next spring and take three years, the mayor said. "
                + "Opponents argued that buses would serve the same districts at a fraction of the price.";
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"articleBody\":\"" + body + "\"}</script></head><body>"
                + "<ul class=\"story\">" + "<li>" + body.replace(". ", ".</li><li>") + "</li></ul></body></html>";
        ExtractedArticle a = extractor.extract(html, "https://city.example/");
        assertThat(a.body())
                .contains("Construction is due to start next spring")
                .contains("Opponents argued");
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }
}
