package dev.flowline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;

/** Small JDBC helpers shared by the table classes: instants to the millisecond, nullable numbers, IN lists. */
final class Sql {

    /** Most parameters put in one IN list, well under every driver's limit. */
    static final int IN_CHUNK = 500;

    private Sql() {
    }

    /** Truncates to the millisecond, the precision the store keeps. */
    static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
    }

    static void setInstant(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(millis(t), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /** {@code ?, ?, ?} for n parameters. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Splits a list into IN-list sized chunks. */
    static <T> List<List<T>> chunks(List<T> items) {
        int n = (items.size() + IN_CHUNK - 1) / IN_CHUNK;
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> items.subList(i * IN_CHUNK, Math.min(items.size(), (i + 1) * IN_CHUNK)))
                .toList();
    }
}
