package dev.flowline.store;

import dev.flowline.event.EntityEvent;
import dev.flowline.store.Store.Accepted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract on the PostgreSQL server at 127.0.0.1:5432 (user {@code postgres}, database {@code test}), in
 * a schema of its own that is dropped afterwards; tables are emptied before every test. Skipped when the server
 * cannot be reached. Also: two stores (two nodes) sharing one database.
 */
class PostgresStoreTest extends StoreContractTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private static final String SCHEMA = "flowline_test_" + UUID.randomUUID().toString().replace("-", "");
    private static boolean created;

    @BeforeAll
    static void createSchema() {
        try (Connection c = DriverManager.getConnection(SERVER, USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
            created = true;
        } catch (SQLException e) {
            String why = "PostgreSQL at 127.0.0.1:5432 (user postgres, database test) is not reachable, so the "
                    + "PostgreSQL store tests are skipped: " + e.getMessage();
            // surefire does not print why a whole class was aborted, so say it in the build output too
            LoggerFactory.getLogger(PostgresStoreTest.class).warn(why);
            Assumptions.abort(why);
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (!created) {
            return;
        }
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
            s.execute("TRUNCATE action_result, execution, event, notification, workflow_version, workflow, "
                    + "notification_batch_item, email_outbox");
        } catch (SQLException e) {
            store.close();
            throw new IllegalStateException("cannot empty the test schema " + SCHEMA, e);
        }
        return store;
    }

    @Test
    void two_stores_sharing_one_database_store_each_event_once_and_agree_on_its_seq() throws Exception {
        String url = SERVER + "?currentSchema=" + SCHEMA;
        List<CompletableFuture<List<Accepted>>> mine = new ArrayList<>();
        List<CompletableFuture<List<Accepted>>> theirs = new ArrayList<>();
        try (JdbcStore other = JdbcStore.postgres(url, USER, "", StoreOptions.defaults())) {
            for (int i = 0; i < 200; i++) {
                List<EntityEvent> call = List.of(Fixtures.event("shared-" + i + "a", "1"),
                        Fixtures.event("shared-" + i + "b", "1"));
                mine.add(store().accept(call));
                theirs.add(other.accept(call));
            }
            for (int i = 0; i < mine.size(); i++) {
                List<Accepted> a = mine.get(i).get(60, TimeUnit.SECONDS);
                List<Accepted> b = theirs.get(i).get(60, TimeUnit.SECONDS);
                for (int j = 0; j < a.size(); j++) {
                    assertThat(a.get(j).seq()).isEqualTo(b.get(j).seq());
                    assertThat(a.get(j).duplicate()).as("exactly one store wrote %s", a.get(j).eventId())
                            .isNotEqualTo(b.get(j).duplicate());
                }
            }
        }
        assertThat(store().unprocessedCount()).isEqualTo(400);
    }

    @Test
    void events_accepted_through_different_connections_are_numbered_in_the_order_they_were_stored() throws Exception {
        // Each store has its own pool, so the two take turns on different sessions; the dispatcher relies on seq
        // following the order of insertion (with a per-session sequence cache it did not, see migration 5).
        String url = SERVER + "?currentSchema=" + SCHEMA;
        List<Long> seqs = new ArrayList<>();
        try (JdbcStore other = JdbcStore.postgres(url, USER, "", StoreOptions.defaults())) {
            for (int i = 0; i < 20; i++) {
                JdbcStore node = i % 2 == 0 ? store() : other;
                seqs.add(node.accept(List.of(Fixtures.event("turns-" + i, "1"))).get(60, TimeUnit.SECONDS)
                        .getFirst().seq());
            }
        }
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
    }
}
