package io.newsmon.api.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native-query result rows, whichever JDBC type the database (H2 or PostgreSQL) returns. */
public final class Rows {

    private Rows() {}

    public static long num(Object o) {
        return ((Number) o).longValue();
    }

    public static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
