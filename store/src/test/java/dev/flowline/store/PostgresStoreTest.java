package dev.flowline.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The store contract on the PostgreSQL server at 127.0.0.1:5432 (user {@code postgres}, database {@code test}), in
 * a schema of its own that is dropped afterwards; tables are emptied before every test. Skipped when the server
 * cannot be reached.
 */
class PostgresStoreTest extends StoreContractTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private static final String SCHEMA = "flowline_test_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void createSchema() {
        try (Connection c = DriverManager.getConnection(SERVER, USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at 127.0.0.1:5432 (user postgres, database test) is not reachable, so "
                    + "the PostgreSQL store tests are skipped: " + e.getMessage());
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Override
    protected JdbcStore openStore() {
        String url = SERVER + "?currentSchema=" + SCHEMA;
        JdbcStore store = JdbcStore.postgres(url, USER, "", StoreOptions.defaults());
        try (Connection c = DriverManager.getConnection(url, USER, "");
             Statement s = c.createStatement()) {
            s.execute("TRUNCATE action_result, execution, event, notification, workflow_version, workflow");
        } catch (SQLException e) {
            store.close();
            throw new IllegalStateException("cannot empty the test schema " + SCHEMA, e);
        }
        return store;
    }
}
