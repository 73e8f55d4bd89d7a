package io.newsmon.seeds.newsroom;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Date formats used on pages, in feeds and in sitemaps. */
final class NewsDates {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private NewsDates() {}

    /** ISO-8601 with offset, as used in {@code datetime} attributes, JSON-LD and sitemaps. */
    static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** RFC 822 date as RSS 2.0 requires, e.g. "Fri, 27 Nov 2026 08:30:00 GMT". */
    static String rfc822(OffsetDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time);
    }

    /** Human-readable local time of the dateline, e.g. "27 November 2026, 08:30 UTC". */
    static String display(OffsetDateTime time) {
        String zone = time.getOffset().equals(ZoneOffset.UTC)
                ? "UTC"
                : "UTC" + time.getOffset().getId();
        return DISPLAY.format(time) + " " + zone;
    }
}
