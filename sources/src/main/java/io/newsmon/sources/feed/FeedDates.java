package io.newsmon.sources.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the date forms feeds use: RFC 822 (RSS) and ISO 8601 / RFC 3339 (Atom, Dublin Core). */
final class FeedDates {

    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("[EEE, ]d MMM yyyy HH:mm[:ss] [zzz][Z][X]", Locale.ENGLISH);

    private FeedDates() {}

    /** Returns null for a missing or unreadable date: a bad date never costs the item. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replaceAll("\\s+", " ");
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // not ISO 8601 with an offset; try the RSS forms
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // RFC 1123 is strict about day names and zones
        }
        try {
            return ZonedDateTime.parse(s.replace(" UT", " GMT"), RFC_822).toInstant();
        } catch (DateTimeParseException ignored) {
            // sitemaps may give a bare W3C date
        }
        try {
            return java.time.LocalDate.parse(s)
                    .atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
