package dev.flowline.store;

import dev.flowline.event.EntityEvent;
import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.JournaledExecution;
import dev.flowline.store.Store.ExecutionQuery;
import dev.flowline.store.Store.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Executions and their action results: the journal the engine writes as executions progress, and the queries the
 * API reads. Each write is one transaction, shared with concurrent writes when the store groups them
 * ({@link StoreOptions#maxBatchWrites()}). Thread-safe.
 */
final class JdbcJournal {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcJournal.class);
    private static final Set<String> STATUSES = Set.of(ExecutionTable.RUNNING, "succeeded", "failed");

    private final Database db;
    private final ExecutionTable executions = new ExecutionTable();
    private final ActionResultTable actions;

    JdbcJournal(Database db) {
        this.db = db;
        this.actions = new ActionResultTable(db.dialect());
    }

    /** Inserts the execution as running, unless one was already recorded for this event and workflow. */
    void started(EntityEvent event, JournaledExecution x) {
        try {
            db.write("record start of execution '" + x.executionId() + "'", c -> {
                executions.insertRunning(c, event, x);
                actions.upsert(c, x.executionId(), List.copyOf(x.actions().values()), null);
                return null;
            });
        } catch (Database.DuplicateKeyException e) {
            LOG.debug("execution of workflow {} for event {} was already recorded", x.workflowId(), event.eventId());
        }
    }

    void actionFinished(String executionId, ActionRecord record) {
        db.write("record action '" + record.id() + "' of execution '" + executionId + "'", c -> {
            actions.upsert(c, executionId, List.of(record), null);
            return null;
        });
    }

    /** Records the outcome and every action (with its position); inserts the execution if it was never started. */
    void finished(ExecutionRecord r) {
        try {
            db.write("record end of execution '" + r.executionId() + "'", c -> {
                if (!executions.updateFinished(c, r)) {
                    executions.insertFinished(c, r);
                }
                actions.upsert(c, r.executionId(), r.actions(), 0);
                return null;
            });
        } catch (Database.DuplicateKeyException e) {
            throw new StoreException("cannot record execution '" + r.executionId() + "': workflow '" + r.workflowId()
                    + "' already has another execution for event '" + r.eventId() + "'", e);
        }
    }

    Map<String, Long> failedByWorkflow() {
        return db.read("count failed executions", executions::failedByWorkflow);
    }

    /** See {@link Store#reopenForRetry}. */
    Optional<JournaledExecution> reopenForRetry(String executionId, boolean fromStart) {
        return db.write("reopen execution '" + executionId + "' for a retry", c -> {
            if (!executions.reopenFailed(c, executionId)) {
                return Optional.<JournaledExecution>empty();
            }
            actions.deleteForRetry(c, executionId, fromStart);
            List<ExecutionTable.Row> rows = executions.byId(c, executionId);
            Map<String, List<ActionRecord>> byExecution = actionsOf(c, rows);
            return rows.stream().findFirst().map(r -> r.toJournaled(byExecution.getOrDefault(r.id(), List.of())));
        });
    }

    Map<String, JournaledExecution> recorded(EntityEvent event) {
        return db.read("read executions of event '" + event.eventId() + "'", c -> {
            List<ExecutionTable.Row> rows = executions.byEvent(c, event.eventId());
            Map<String, List<ActionRecord>> byExecution = actionsOf(c, rows);
            Map<String, JournaledExecution> out = new LinkedHashMap<>();
            for (ExecutionTable.Row row : rows) {
                out.put(row.workflowId(), row.toJournaled(byExecution.getOrDefault(row.id(), List.of())));
            }
            return out;
        });
    }

    Page<ExecutionRecord> page(ExecutionQuery q) {
        if (q.status() != null && !STATUSES.contains(q.status())) {
            throw new InvalidQueryException("unknown execution status '" + q.status()
                    + "': use running, succeeded or failed");
        }
        Cursor after = Cursor.decode(q.cursor());
        int limit = Cursor.clampLimit(q.limit());
        return db.read("list executions", c -> {
            List<ExecutionTable.Row> rows = executions.page(c, q, after, limit + 1);
            List<ExecutionTable.Row> items = rows.subList(0, Math.min(limit, rows.size()));
            Map<String, List<ActionRecord>> byExecution = actionsOf(c, items);
            List<ExecutionRecord> records = items.stream()
                    .map(r -> r.toRecord(byExecution.getOrDefault(r.id(), List.of()))).toList();
            ExecutionTable.Row last = items.isEmpty() ? null : items.getLast();
            String next = rows.size() > limit ? new Cursor(last.startedAt(), last.id()).encode() : null;
            return new Page<>(records, next);
        });
    }

    Optional<ExecutionRecord> byId(String executionId) {
        return db.read("read execution '" + executionId + "'", c -> {
            List<ExecutionTable.Row> rows = executions.byId(c, executionId);
            Map<String, List<ActionRecord>> byExecution = actionsOf(c, rows);
            return rows.stream().findFirst().map(r -> r.toRecord(byExecution.getOrDefault(r.id(), List.of())));
        });
    }

    private Map<String, List<ActionRecord>> actionsOf(Connection c, List<ExecutionTable.Row> rows)
            throws SQLException {
        return rows.isEmpty() ? Map.of() : actions.byExecution(c, rows.stream().map(ExecutionTable.Row::id).toList());
    }
}
