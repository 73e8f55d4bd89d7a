package io.newsmon.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.domain.topic.AlertMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AlertWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static AlertWindow window(AlertMode mode, String at) {
        return AlertWindow.containing(mode, BERLIN, LocalTime.of(8, 0), DayOfWeek.MONDAY, Instant.parse(at));
    }

    @Test
    void hourlyWindowsAreUtcHoursKeyedByTheHourTheyCover() {
        AlertWindow w = window(AlertMode.HOURLY, "2026-11-30T16:59:59Z");
        assertThat(w.key()).isEqualTo("hourly:2026-11-30T16");
        assertThat(w.start()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void dailyWindowsEndAtTheLocalDigestTimeAndAreKeyedByThatDay() {
        AlertWindow before = window(AlertMode.DAILY, "2026-11-30T06:59:59Z");
        assertThat(before.key()).isEqualTo("daily:2026-11-30");
        assertThat(before.start()).isEqualTo(Instant.parse("2026-11-29T07:00:00Z"));
        assertThat(before.end()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
        assertThat(window(AlertMode.DAILY, "2026-11-30T07:00:00Z").key()).isEqualTo("daily:2026-12-01");
        // the day summer time ends is 25 hours long
        AlertWindow dst = window(AlertMode.DAILY, "2026-10-24T12:00:00Z");
        assertThat(dst.start()).isEqualTo(Instant.parse("2026-10-24T06:00:00Z"));
        assertThat(dst.end()).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void weeklyWindowsEndOnTheWeekdayAndAreKeyedByIsoWeek() {
        AlertWindow w = window(AlertMode.WEEKLY, "2026-12-02T10:00:00Z");
        assertThat(w.end()).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
        assertThat(w.start()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
        assertThat(w.key()).isEqualTo("weekly:2026-W50");
        assertThat(window(AlertMode.WEEKLY, "2026-11-30T06:00:00Z").key()).isEqualTo("weekly:2026-W49");
    }
}
