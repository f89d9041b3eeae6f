package dev.flowline.bench.e2e;

import dev.flowline.store.JdbcStore;
import dev.flowline.store.StoreOptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a benchmark keeps Flowline's state: a fresh embedded H2 database in a directory, or a fresh schema on a
 * PostgreSQL server (dropped when the benchmark ends). Not thread-safe.
 *
 * @param kind     {@code h2} or {@code postgres}
 * @param pgUrl    PostgreSQL JDBC URL (without parameters), for {@code postgres}
 * @param pgUser   PostgreSQL user
 * @param password PostgreSQL password
 */
record StoreChoice(String kind, String pgUrl, String pgUser, String password) {

    private static final List<String> SCHEMAS = new ArrayList<>();

    boolean postgres() {
        return kind.equals("postgres");
    }

    /** Opens a fresh store named {@code name} (a subdirectory, or a schema). */
    JdbcStore open(Path dir, String name, StoreOptions options) {
        if (!postgres()) {
            return JdbcStore.h2(dir.resolve(name), options);
        }
        return JdbcStore.postgres(schemaUrl(name), pgUser, password, options);
    }

    /** A JDBC URL whose default schema is a new, empty schema for {@code name}. */
    String schemaUrl(String name) {
        String schema = ("bench_" + name + "_" + Long.toString(System.nanoTime(), 36)).replace('-', '_');
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + pgUrl + ": " + e.getMessage(), e);
        }
        SCHEMAS.add(schema);
        return pgUrl + "?currentSchema=" + schema;
    }

    /** Drops the schemas this run created. */
    void cleanUp() {
        if (!postgres() || SCHEMAS.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, password); Statement s = c.createStatement()) {
            for (String schema : SCHEMAS) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            SCHEMAS.clear();
        } catch (SQLException e) {
            System.err.println("could not drop the benchmark's schemas " + SCHEMAS + ": " + e.getMessage());
        }
    }
}
