package dev.flowline.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs JDBC work on pooled connections, as one transaction where asked, and turns {@link SQLException}s into
 * {@link StoreException}s: the store's only boundary with JDBC. Thread-safe.
 */
final class Database {

    /** Work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A unique or primary key was violated; the transaction was rolled back. */
    static final class DuplicateKeyException extends StoreException {
        DuplicateKeyException(String message, SQLException cause) {
            super(message, cause);
        }
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final boolean fsyncOnCommit;
    private final WriteBatcher batcher;

    /**
     * @param maxBatchWrites most {@link #write} calls one shared transaction takes (group commit); 1 runs each call
     *                       in its own transaction on the caller's thread
     */
    Database(DataSource dataSource, Dialect dialect, boolean fsyncOnCommit, int maxBatchWrites) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.fsyncOnCommit = fsyncOnCommit && dialect.syncStatement() != null;
        this.batcher = maxBatchWrites > 1 ? new WriteBatcher(this, maxBatchWrites) : null;
    }

    /** Transactions the write batcher committed (0 without group commit of writes). */
    long batchedCommits() {
        return batcher == null ? 0 : batcher.commits();
    }

    /** Writes waiting for the write batcher's next transaction. */
    int queuedWrites() {
        return batcher == null ? 0 : batcher.queued();
    }

    /** Lets queued writes finish and stops the batcher's thread. */
    void close() {
        if (batcher != null) {
            batcher.close();
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs one statement or a few reads in auto-commit mode; {@code what} completes "cannot ...". */
    <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw wrap(what, e);
        }
    }

    /**
     * Runs work as one transaction, commits, and forces the commit to disk when fsync on commit is set; returns once
     * committed. With group commit of writes, concurrent calls share one transaction (see {@link WriteBatcher}).
     */
    <T> T write(String what, Work<T> work) {
        return batcher == null ? writeDirect(what, work) : batcher.write(what, work);
    }

    /** {@link #write} in a transaction of its own on the caller's thread. */
    <T> T writeDirect(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            if (fsyncOnCommit) {
                try (Statement s = c.createStatement()) {
                    s.execute(dialect.syncStatement());
                }
            }
            return result;
        } catch (SQLException e) {
            throw wrap(what, e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private StoreException wrap(String what, SQLException e) {
        String message = "cannot " + what + " (" + dialect.name() + "): " + e.getMessage();
        return dialect.isUniqueViolation(e) ? new DuplicateKeyException(message, e) : new StoreException(message, e);
    }
}
