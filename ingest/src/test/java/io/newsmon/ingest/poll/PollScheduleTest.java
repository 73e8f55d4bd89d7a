package io.newsmon.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration MIN = Duration.ofMinutes(2);
    private static final Duration MAX = Duration.ofHours(2);

    private static List<Instant> every(Duration gap, int n) {
        List<Instant> dates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dates.add(NOW.minus(gap.multipliedBy(i)));
        }
        return dates;
    }

    @Test
    void aSourcePublishingEveryTwentyMinutesIsPolledEveryTen() {
        Duration next = PollSchedule.next(Duration.ofMinutes(15), every(Duration.ofMinutes(20), 12), 3, NOW, MIN, MAX);
        assertThat(next).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theLearnedIntervalStaysWithinTheBounds() {
        assertThat(PollSchedule.next(Duration.ofMinutes(15), every(Duration.ofSeconds(30), 50), 50, NOW, MIN, MAX))
                .isEqualTo(MIN);
        assertThat(PollSchedule.next(Duration.ofMinutes(15), every(Duration.ofDays(2), 4), 0, NOW, MIN, MAX))
                .isEqualTo(MAX);
    }

    @Test
    void withoutDatesAnEmptyPollBacksOffAndAFruitfulOneComesBackSooner() {
        assertThat(PollSchedule.next(Duration.ofMinutes(20), List.of(), 0, NOW, MIN, MAX))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(PollSchedule.next(Duration.ofMinutes(20), List.of(), 4, NOW, MIN, MAX))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void futureAndAncientDatesDoNotCount() {
        List<Instant> dates = new ArrayList<>(List.of(NOW.plus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(400))));
        dates.add(NOW.minus(Duration.ofMinutes(5)));
        // two usable dates are not enough to learn a rate: the empty-poll rule applies
        assertThat(PollSchedule.next(Duration.ofMinutes(20), dates, 0, NOW, MIN, MAX))
                .isEqualTo(Duration.ofMinutes(30));
    }
}
