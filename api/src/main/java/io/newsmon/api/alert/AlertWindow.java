package io.newsmon.api.alert;

import io.newsmon.domain.topic.AlertMode;
import io.newsmon.domain.topic.Topic;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * One digest window [start, end) and its key, unique per topic: hourly windows are UTC hours (keyed by the
 * hour they cover), daily and weekly ones end at the topic's local digest time (keyed by the day or ISO week
 * the digest goes out).
 */
public record AlertWindow(String key, Instant start, Instant end) {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

    /** The window of a digest topic that contains {@code at}. */
    public static AlertWindow containing(Topic topic, Instant at) {
        return containing(
                topic.alertMode, zone(topic), digestTime(topic), DayOfWeek.of(clampWeekday(topic.digestWeekday)), at);
    }

    static AlertWindow containing(AlertMode mode, ZoneId zone, LocalTime time, DayOfWeek weekday, Instant at) {
        switch (mode) {
            case HOURLY -> {
                Instant start = at.truncatedTo(ChronoUnit.HOURS);
                return new AlertWindow(
                        "hourly:" + HOUR.format(start.atOffset(ZoneOffset.UTC)),
                        start,
                        start.plus(Duration.ofHours(1)));
            }
            case DAILY -> {
                ZonedDateTime local = at.atZone(zone);
                ZonedDateTime end = ZonedDateTime.of(local.toLocalDate(), time, zone);
                if (!end.toInstant().isAfter(at)) {
                    end = ZonedDateTime.of(local.toLocalDate().plusDays(1), time, zone);
                }
                ZonedDateTime start = ZonedDateTime.of(end.toLocalDate().minusDays(1), time, zone);
                return new AlertWindow("daily:" + end.toLocalDate(), start.toInstant(), end.toInstant());
            }
            case WEEKLY -> {
                ZonedDateTime local = at.atZone(zone);
                ZonedDateTime end =
                        ZonedDateTime.of(local.toLocalDate().with(TemporalAdjusters.nextOrSame(weekday)), time, zone);
                if (!end.toInstant().isAfter(at)) {
                    end = ZonedDateTime.of(end.toLocalDate().plusWeeks(1), time, zone);
                }
                ZonedDateTime start = ZonedDateTime.of(end.toLocalDate().minusWeeks(1), time, zone);
                String key = String.format(
                        "weekly:%d-W%02d",
                        end.get(IsoFields.WEEK_BASED_YEAR), end.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                return new AlertWindow(key, start.toInstant(), end.toInstant());
            }
            default -> throw new IllegalArgumentException(mode + " has no digest window");
        }
    }

    /** The topic's time zone; an unknown id (the CRUD should refuse it) falls back to UTC. */
    public static ZoneId zone(Topic topic) {
        try {
            return ZoneId.of(topic.timeZone == null ? "UTC" : topic.timeZone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static LocalTime digestTime(Topic topic) {
        try {
            return LocalTime.parse(topic.digestTime == null ? "08:00" : topic.digestTime);
        } catch (RuntimeException e) {
            return LocalTime.of(8, 0);
        }
    }

    private static int clampWeekday(int day) {
        return Math.min(7, Math.max(1, day));
    }
}
