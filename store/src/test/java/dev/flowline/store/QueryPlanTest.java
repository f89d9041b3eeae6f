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
        assertThat(plan(EventTable.UNPROCESSED, "0", "10")).contains("EVENT_UNPROCESSED").contains("index sorted");
    }

    @Test
    void due_mail_is_read_from_the_index_in_drain_order_and_not_sorted() throws Exception {
        assertThat(plan(EmailOutboxTable.DUE, "'queued'", "CURRENT_TIMESTAMP", "20"))
                .contains("EMAIL_OUTBOX_DRAIN").contains("index sorted");
    }

    @Test
    void the_next_due_time_is_the_first_row_of_an_index_not_an_aggregate_over_the_queue() throws Exception {
        assertThat(plan(EmailOutboxTable.NEXT_DUE, "'queued'"))
                .contains("EMAIL_OUTBOX_STATUS_DUE").contains("index sorted");
    }

    /** H2's plan of a query of the store, its parameters replaced by the given SQL literals in order. */
    private String plan(String sql, String... parameters) throws Exception {
        JdbcStore.h2(dataDir).close();
        String query = sql;
        for (String p : parameters) {
            query = query.replaceFirst("\\?", p);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("flowline"), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
