package dev.flowline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flowline.email.EmailOutbox;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.EventInvalidException;
import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.JournaledExecution;
import dev.flowline.notification.Notification;
import dev.flowline.notification.PendingNotifications;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Store} on a relational database through JDBC: embedded H2 by default ({@link #h2}), PostgreSQL
 * ({@link #postgres}), or any {@link DataSource} with its {@link Dialect} ({@link #open}). Opening it brings the
 * schema up to date. Thread-safe; close it once, which fails the {@code accept} calls still waiting.
 *
 * <p><b>Durability.</b> {@link #accept} completes its future only after the events' transaction has committed.
 * <ul>
 *   <li>H2 is opened with {@code WRITE_DELAY=0}: every commit writes its changes to the database file before it
 *       returns (H2's default, 500 ms, would hold committed changes in memory for up to half a second). So an
 *       acknowledged event survives a crash or {@code kill -9} of the process. The write is not fsynced: it is in
 *       the operating system's cache, and an OS crash or power loss can still lose the last commits. Set
 *       {@link StoreOptions#fsyncOnCommit()} to run {@code CHECKPOINT SYNC} (an fsync) after every commit; group commit
 *       shares that cost among all the calls of one transaction.</li>
 *   <li>PostgreSQL with {@code synchronous_commit = on} (its default) returns from a commit only once the WAL is
 *       flushed to disk, which survives an OS crash or power loss; {@code fsyncOnCommit} adds nothing there.</li>
 * </ul>
 */
public final class JdbcStore implements Store {

    private final Database db;
    private final HikariDataSource ownedPool;
    private final WorkflowTable workflows;
    private final EventTable events;
    private final EventWriter writer;
    private final JdbcJournal journal;
    private final NotificationTable notifications;
    private final NotificationBatchTable notificationBatches;
    private final EmailOutboxTable emailOutbox;

    private JdbcStore(DataSource dataSource, Dialect dialect, StoreOptions options, HikariDataSource ownedPool) {
        this.ownedPool = ownedPool;
        this.db = new Database(dataSource, dialect, options.fsyncOnCommit(), options.maxBatchWrites());
        this.workflows = new WorkflowTable(db, options.clock());
        this.events = new EventTable(db);
        this.journal = new JdbcJournal(db);
        this.notifications = new NotificationTable(db);
        this.notificationBatches = new NotificationBatchTable(db, notifications);
        this.emailOutbox = new EmailOutboxTable(db);
        this.writer = new EventWriter(db, events, options.clock(), options.queueCapacity(), options.maxBatchEvents());
    }

    /** Opens (creating if needed) the embedded H2 database {@code dataDir/flowline} with default options. */
    public static JdbcStore h2(Path dataDir) {
        return h2(dataDir, StoreOptions.defaults());
    }

    /** Opens (creating if needed) the embedded H2 database {@code dataDir/flowline}. */
    public static JdbcStore h2(Path dataDir, StoreOptions options) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        // WRITE_DELAY=0: see the class comment; DB_CLOSE_ON_EXIT=FALSE: close() closes it, not a shutdown hook that
        // could pull the database from under a commit in progress
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("flowline")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return pooled(url, "sa", "", new H2Dialect(), options);
    }

    /** Connects to PostgreSQL through a pool of {@link StoreOptions#poolSize()} connections. */
    public static JdbcStore postgres(String jdbcUrl, String user, String password, StoreOptions options) {
        return pooled(jdbcUrl, user, password, new PostgresDialect(), options);
    }

    /** Uses a data source the caller owns (and closes after this store) with default options. */
    public static JdbcStore open(DataSource dataSource, Dialect dialect) {
        return open(dataSource, dialect, StoreOptions.defaults());
    }

    /** Uses a data source the caller owns (and closes after this store). */
    public static JdbcStore open(DataSource dataSource, Dialect dialect, StoreOptions options) {
        Migrations.migrate(dataSource, dialect);
        return new JdbcStore(dataSource, dialect, options, null);
    }

    private static JdbcStore pooled(String url, String user, String password, Dialect dialect, StoreOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(options.poolSize());
        config.setPoolName("flowline-" + dialect.name());
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Migrations.migrate(pool, dialect);
            return new JdbcStore(pool, dialect, options, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Transactions that stored accepted events so far; fewer than {@code accept} calls when commits were shared. */
    public long commitCount() {
        return writer.commits();
    }

    /** Transactions that wrote journal entries, processed marks and notifications together (group commit of writes). */
    public long batchedWriteCommits() {
        return db.batchedCommits();
    }

    @Override
    public StoredWorkflow saveWorkflow(String id, String definitionJson) {
        return workflows.save(id, definitionJson);
    }

    @Override
    public Optional<StoredWorkflow> workflow(String id) {
        return workflows.current(id);
    }

    @Override
    public Optional<StoredWorkflow> workflowVersion(String id, int version) {
        return workflows.version(id, version);
    }

    @Override
    public List<StoredWorkflow> workflows() {
        return workflows.all();
    }

    @Override
    public boolean setEnabled(String id, boolean enabled) {
        return workflows.setEnabled(id, enabled);
    }

    @Override
    public boolean deleteWorkflow(String id) {
        return workflows.delete(id);
    }

    /** {@inheritDoc} Fails with {@link StoreBusyException} when too many calls wait, without storing anything. */
    @Override
    public CompletableFuture<List<Accepted>> accept(List<EntityEvent> batch) {
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        try {
            EventLimits.check(batch);
        } catch (EventInvalidException e) {
            return CompletableFuture.failedFuture(e);
        }
        return writer.submit(batch);
    }

    @Override
    public List<StoredEvent> unprocessedEvents(long afterSeq, int limit) {
        return events.unprocessed(afterSeq, limit);
    }

    @Override
    public void markProcessed(long seq) {
        events.markProcessed(seq);
    }

    @Override
    public long unprocessedCount() {
        return events.unprocessedCount();
    }

    @Override
    public Optional<StoredEvent> event(String eventId) {
        return events.byId(eventId);
    }

    @Override
    public Map<String, JournaledExecution> recorded(EntityEvent event) {
        return journal.recorded(event);
    }

    @Override
    public void started(EntityEvent event, JournaledExecution execution) {
        journal.started(event, execution);
    }

    @Override
    public void actionFinished(String executionId, ActionRecord record) {
        journal.actionFinished(executionId, record);
    }

    @Override
    public void actionFinished(String executionId, int ordinal, ActionRecord record) {
        journal.actionFinished(executionId, ordinal, record);
    }

    @Override
    public void finished(ExecutionRecord record) {
        journal.finished(record);
    }

    /**
     * {@inheritDoc} True: {@link #finished} writes every action row not journaled with its position before, so the
     * engine leaves an execution's last action to it. Whoever gives this store to an engine as its journal must call
     * {@link #finished} from the engine's execution listener, as {@code FlowlineService} does.
     */
    @Override
    public boolean recordsActionsAtEnd() {
        return true;
    }

    @Override
    public Page<ExecutionRecord> executions(ExecutionQuery query) {
        return journal.page(query);
    }

    /** {@inheritDoc} A running execution comes back with a null status and finish time. */
    @Override
    public Optional<ExecutionRecord> execution(String executionId) {
        return journal.byId(executionId);
    }

    @Override
    public Map<String, Long> failedExecutionsByWorkflow() {
        return journal.failedByWorkflow();
    }

    @Override
    public Optional<JournaledExecution> reopenForRetry(String executionId, boolean fromStart) {
        return journal.reopenForRetry(executionId, fromStart);
    }

    @Override
    public void saveNotification(Notification notification) {
        notifications.save(notification);
    }

    @Override
    public Page<StoredNotification> notifications(String recipient, int limit, String cursor) {
        return notifications.page(recipient, limit, cursor);
    }

    @Override
    public PendingNotifications pendingNotifications() {
        return notificationBatches;
    }

    @Override
    public EmailOutbox emailOutbox() {
        return emailOutbox;
    }

    @Override
    public boolean ping() {
        try {
            return db.read("ping", (Connection c) -> c.isValid(2));
        } catch (StoreException e) {
            return false;
        }
    }

    /** Fails the {@code accept} calls still queued, lets the commit in progress finish, and closes the pool it owns. */
    @Override
    public void close() {
        writer.close();
        db.close();
        if (ownedPool != null) {
            ownedPool.close();
        }
    }
}
