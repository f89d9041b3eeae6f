package dev.flowline.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans of the hot queries on H2: they must read an index in order, not sort what a long backlog holds. */
class QueryPlanTest {

    @TempDir
    Path dataDir;

    @Test
    void the_next_unprocessed_events_are_read_from_the_index_in_order_and_not_sorted() throws Exception {
        JdbcStore.h2(dataDir).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("flowline"), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + EventTable.UNPROCESSED.replaceFirst("\\?", "0")
                     .replaceFirst("\\?", "10"))) {
            rs.next();
            assertThat(rs.getString(1)).contains("EVENT_UNPROCESSED").contains("index sorted");
        }
    }

    @Test
    void due_mail_is_read_from_the_index_in_drain_order_and_not_sorted() throws Exception {
        JdbcStore.h2(dataDir).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("flowline"), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + EmailOutboxTable.DUE.replaceFirst("\\?", "'queued'")
                     .replaceFirst("\\?", "CURRENT_TIMESTAMP").replaceFirst("\\?", "20"))) {
            rs.next();
            assertThat(rs.getString(1)).contains("EMAIL_OUTBOX_DRAIN").contains("index sorted");
        }
    }

    @Test
    void the_next_due_time_is_the_first_row_of_an_index_not_an_aggregate_over_the_queue() throws Exception {
        JdbcStore.h2(dataDir).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("flowline"), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + EmailOutboxTable.NEXT_DUE.replaceFirst("\\?", "'queued'"))) {
            rs.next();
            assertThat(rs.getString(1)).contains("EMAIL_OUTBOX_STATUS_DUE").contains("index sorted");
        }
    }
}
