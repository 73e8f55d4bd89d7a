package io.newsmon.sources.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header: delay-seconds or an HTTP date (RFC 9110). */
final class RetryAfter {

    /** A server may not park a source for more than a day. */
    private static final Duration MAX = Duration.ofDays(1);

    private RetryAfter() {}

    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : min(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            // an HTTP date
        }
        try {
            Duration until = Duration.between(
                    Instant.now(),
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : min(until);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration min(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
