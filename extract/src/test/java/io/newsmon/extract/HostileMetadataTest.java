package io.newsmon.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pages whose head is built to make regular expressions crawl: each still gives its headline. The
 * timeouts are hang guards (before the fix the 32,000-space title took ~11 s and the 4 MB one a day),
 * not speed assertions.
 */
class HostileMetadataTest {

    private static final String BODY =
            "<p>" + "The harbour board met on Monday to agree the winter timetable. ".repeat(8) + "</p>";

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aTitleWithThirtyTwoThousandSpacesIsReadAsItsWords() {
        ExtractedArticle a = extract(page("Harbour board agrees" + " ".repeat(32_000) + "winter timetable", ""));
        assertThat(a.title()).isEqualTo("Harbour board agrees winter timetable");
        assertThat(a.body()).contains("winter timetable");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFourMegabyteTitleIsClippedInsteadOfScanned() {
        String title = "Harbour board agrees" + " ".repeat(4 * 1024 * 1024) + "| The Courier";
        ExtractedArticle a = extract(page(title, "<meta property=\"og:site_name\" content=\"The Courier\">"));
        assertThat(a.title()).isEqualTo("Harbour board agrees");
        assertThat(a.body()).contains("winter timetable");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFourMegabyteTitleOfWordsIsCutToAHeadlineLength() {
        String title = "Harbour board agrees winter timetable - ".repeat(100_000);
        ExtractedArticle a = extract(page(title, ""));
        assertThat(a.title()).startsWith("Harbour board agrees winter timetable");
        assertThat(a.title().length()).isLessThanOrEqualTo(1000);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void hugeDateAuthorAndJsonLdValuesEndInTime() {
        String spaces = " ".repeat(2 * 1024 * 1024);
        String head = "<meta name=\"author\" content=\"Ann" + spaces + "Lee\">"
                + "<meta property=\"article:published_time\" content=\"2024-03-05" + spaces + "\">"
                + "<link rel=\"canonical\" href=\"https://courier.example/" + "2024/".repeat(200_000) + "\">"
                + "<script type=\"application/ld+json\">{\"author\":{" + "\"x\":1,".repeat(300_000)
                + "\"datePublished\":\"" + "9".repeat(500_000) + "</script>";
        ExtractedArticle a = extract(page("Harbour board agrees winter timetable", head));
        assertThat(a.title()).isEqualTo("Harbour board agrees winter timetable");
        assertThat(a.authors()).containsExactly("Ann Lee");
    }

    private ExtractedArticle extract(String html) {
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "utf-8", "https://courier.example/x");
    }

    private static String page(String ogTitle, String moreHead) {
        return "<html><head><meta property=\"og:title\" content=\"" + ogTitle + "\">" + moreHead
                + "</head><body><article>" + BODY + "</article></body></html>";
    }
}
