package io.newsmon.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.domain.dto.SearchResult;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart labels say which clock they count by: hours in the analyst's zone, days as the api's UTC days. */
class ChartsZoneTest {

    private static final List<SearchResult.DateBucket> HOURS = List.of(
            new SearchResult.DateBucket(Instant.parse("2026-11-29T08:00:00Z"), 2),
            new SearchResult.DateBucket(Instant.parse("2026-11-29T09:00:00Z"), 1));

    @Test
    void hourlyColumnsAreLabelledInTheAnalystsZone() {
        Charts.VolumeChart chart = Charts.volume(HOURS, "hour", ZoneId.of("Asia/Kolkata"), null);
        assertThat(chart.bars()).extracting(Charts.Bar::label).containsExactly("29 Nov 13:30", "29 Nov 14:30");
        assertThat(chart.summary())
                .isEqualTo("3 articles from 29 Nov 13:30 to 29 Nov 14:30 (Asia/Kolkata), at most 2 per hour");
    }

    @Test
    void dailyColumnsStayUtcDaysAndSaySo() {
        List<SearchResult.DateBucket> days =
                List.of(new SearchResult.DateBucket(Instant.parse("2026-11-29T00:00:00Z"), 4));
        Charts.VolumeChart chart = Charts.volume(days, "day", ZoneId.of("America/New_York"), null);
        assertThat(chart.bars().get(0).label()).isEqualTo("29 Nov");
        assertThat(chart.summary()).contains("(UTC days)");
    }
}
