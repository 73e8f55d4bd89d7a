package io.newsmon.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The query a topic runs, and the limits api and nlp both read. */
class TopicQueryTest {

    @Test
    void theCombinedQueryIsHeldToTheLimitsNotEachPartAlone() {
        QueryLimits limits = new QueryLimits(60, 4, 10, 100, Duration.ofSeconds(1));
        assertThat(TopicQuery.parse("iran border", null, false, limits).parsed().toString())
                .isEqualTo("(iran AND border)");
        // three terms each pass, six together do not
        assertThatThrownBy(() -> TopicQuery.parse("a b c", "d e f", false, limits))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("newsmon.search.max-clauses");
        // 30 characters each pass the length limit of 60, the combined text (70) does not
        String thirty = "harbourcranes harbourcranes xx";
        assertThatThrownBy(() -> TopicQuery.parse(thirty, thirty, false, limits))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("newsmon.search.max-query-length");
    }

    @Test
    void aPositionInTheCombinedTextIsMappedBackToItsField() {
        String query = "iran border";
        String filter = "lang:en (";
        QueryException e = org.junit.jupiter.api.Assertions.assertThrows(
                QueryException.class, () -> TopicQuery.parse(query, filter, false, QueryLimits.DEFAULT));
        TopicQuery.Located at = TopicQuery.locate(query, filter, e.position());
        assertThat(at.field()).isEqualTo("filter");
        assertThat(filter.charAt(at.position())).isEqualTo('(');
        assertThat(TopicQuery.locate(query, filter, 1 + 5)).isEqualTo(new TopicQuery.Located("query", 5));
        assertThat(TopicQuery.locate(query, null, 7)).isEqualTo(new TopicQuery.Located("query", 7));
    }

    @Test
    void limitsAreReadFromTheSameKeysEverywhere() {
        Map<String, String> config = Map.of(
                "newsmon.search.max-clauses", "7",
                "newsmon.search.timeout", "500ms",
                "newsmon.search.max-query-length", "300");
        QueryLimits limits = QueryLimits.from(key -> Optional.ofNullable(config.get(key)));
        assertThat(limits)
                .isEqualTo(new QueryLimits(
                        300,
                        7,
                        QueryLimits.DEFAULT.maxNearDistance(),
                        QueryLimits.DEFAULT.maxWildcardExpansions(),
                        Duration.ofMillis(500)));
        assertThat(QueryLimits.from(key -> Optional.empty())).isEqualTo(QueryLimits.DEFAULT);
    }
}
