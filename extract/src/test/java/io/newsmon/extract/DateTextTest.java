package io.newsmon.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DateTextTest {

    @Test
    void readsTheDateLinesNewsPagesPrint() {
        assertThat(iso("30 January 2024 13:49")).isEqualTo("2024-01-30T13:49Z");
        assertThat(iso("Updated: January 30, 2024 1:49 PM")).isEqualTo("2024-01-30T13:49Z");
        assertThat(iso("Jan. 30, 2024")).isEqualTo("2024-01-30T00:00Z");
        assertThat(iso("2024-01-30T13:49:12+05:00")).isEqualTo("2024-01-30T13:49+05:00");
        assertThat(iso("30.01.2024 13:49")).isEqualTo("2024-01-30T13:49Z");
        assertThat(iso("Publicado el 30 de enero de 2024")).isEqualTo("2024-01-30T00:00Z");
        assertThat(iso("30. Januar 2024")).isEqualTo("2024-01-30T00:00Z");
        assertThat(iso("le 30 janvier 2024 à 13h49")).isEqualTo("2024-01-30T13:49Z");
        assertThat(iso("30 января 2024")).isEqualTo("2024-01-30T00:00Z");
    }

    @Test
    void findsNothingWhereThereIsNoDate() {
        assertThat(DateText.find("In World")).isEmpty();
        assertThat(DateText.find("31 February 2024")).isEmpty();
        assertThat(DateText.find("Leave a review")).isEmpty();
    }

    private static String iso(String line) {
        return DateText.find(line).map(ZonedDateTime::toString).orElse(null);
    }
}
