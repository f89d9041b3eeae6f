package dev.flowline.jdbc;

import dev.flowline.FlowlineException;
import dev.flowline.json.Json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Binds named parameter values to JDBC statements and reads rows back as plain values. Stateless. */
public final class SqlParameters {

    private SqlParameters() {
    }

    /** The values in placeholder order; every name must be present in {@code params}. */
    public static List<Object> bind(NamedSql sql, Map<String, Object> params) {
        List<Object> out = new ArrayList<>(sql.positions().size());
        for (String name : sql.positions()) {
            if (!params.containsKey(name)) {
                throw new FlowlineException("SQL parameter :" + name + " has no value in params");
            }
            out.add(params.get(name));
        }
        return out;
    }

    /** Sets each value on the statement, converting lists and maps to JSON text. */
    public static void apply(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            int index = i + 1;
            switch (v) {
                case null -> ps.setNull(index, Types.NULL);
                case String s -> ps.setString(index, s);
                case Long l -> ps.setLong(index, l);
                case Integer n -> ps.setInt(index, n);
                case Double d -> ps.setDouble(index, d);
                case BigDecimal d -> ps.setBigDecimal(index, d);
                case BigInteger b -> ps.setBigDecimal(index, new BigDecimal(b));
                case Boolean b -> ps.setBoolean(index, b);
                case Instant t -> ps.setTimestamp(index, Timestamp.from(t));
                case Map<?, ?> m -> ps.setString(index, Json.write(m));
                case List<?> l -> ps.setString(index, Json.write(l));
                default -> ps.setObject(index, v);
            }
        }
    }

    /** Reads all rows as maps keyed by lower-case column label, values converted to plain JSON-like values. */
    public static List<Map<String, Object>> rows(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            if (rows.size() >= maxRows) {
                throw new FlowlineException("query returned more than " + maxRows
                        + " rows; add a LIMIT or a more selective WHERE clause");
            }
            Map<String, Object> row = new LinkedHashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                row.put(labels[i], plain(rs.getObject(i + 1)));
            }
            rows.add(row);
        }
        return rows;
    }

    static Object plain(Object v) {
        return switch (v) {
            case null -> null;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case BigDecimal d -> d.scale() <= 0 && d.precision() - d.scale() < 19 ? (Object) d.longValueExact() : d.doubleValue();
            case Timestamp t -> t.toInstant().toString();
            case java.sql.Date d -> d.toLocalDate().toString();
            case java.time.temporal.TemporalAccessor t -> t.toString();
            case java.sql.Clob c -> clob(c);
            default -> v;
        };
    }

    private static String clob(java.sql.Clob c) {
        try {
            return c.getSubString(1, (int) Math.min(Integer.MAX_VALUE, c.length()));
        } catch (SQLException e) {
            throw new FlowlineException("cannot read text column: " + e.getMessage(), e);
        }
    }
}
