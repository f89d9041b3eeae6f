package dev.flowline.condition;

import org.h2.jdbcx.JdbcDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh in-memory H2 application database per call, with a blocked_customers table. */
final class TestDatabase {

    private TestDatabase() {
    }

    static JdbcDataSource withBlockedCustomers(String... blockedIds) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:cond_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table blocked_customers (id varchar(64) primary key)");
            try (PreparedStatement insert = c.prepareStatement("insert into blocked_customers (id) values (?)")) {
                for (String id : blockedIds) {
                    insert.setString(1, id);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ds;
    }

    static void execute(JdbcDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void shutdown(JdbcDataSource ds) {
        execute(ds, "shutdown");
    }
}
