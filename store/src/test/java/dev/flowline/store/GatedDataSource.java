package dev.flowline.store;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A real in-memory H2 database behind a gate: while the gate is shut, {@code getConnection} waits, which holds the
 * store's writer in the middle of a commit so that a test can decide exactly which calls queue up behind it.
 */
final class GatedDataSource implements DataSource, AutoCloseable {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final Connection keepAlive;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    GatedDataSource(String name) throws SQLException {
        h2.setURL("jdbc:h2:mem:" + name);
        h2.setUser("sa");
        keepAlive = h2.getConnection(); // an in-memory database lives while a connection is open
    }

    void shut() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    /** Waits until a caller is held at the shut gate. */
    void awaitHeld() throws InterruptedException {
        for (int i = 0; i < 1000 && waiting.get() == 0; i++) {
            Thread.sleep(10);
        }
        if (waiting.get() == 0) {
            throw new AssertionError("nobody asked for a connection within 10 s");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        waiting.incrementAndGet();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted at the gate", e);
        } finally {
            waiting.decrementAndGet();
        }
        return h2.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public void close() throws SQLException {
        open();
        keepAlive.close();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
