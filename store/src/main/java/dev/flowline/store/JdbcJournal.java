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
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    /**
     * Executions whose action rows this process journaled with their positions, and which positions: {@link #finished}
     * writes only the others (the engine leaves the last action of an execution to the end's write).
     */
    private final Map<String, BitSet> journaledActions = new ConcurrentHashMap<>();

    JdbcJournal(Database db) {
        this.db = db;
        this.actions = new ActionResultTable(db.dialect());
    }

    /** Inserts the execution as running, unless one was already recorded for this event and workflow. */
    void started(EntityEvent event, JournaledExecution x) {
        String conditions = JournalJson.conditions(x.conditions());
        List<ActionResultTable.Prepared> done = ActionResultTable.prepare(List.copyOf(x.actions().values()), null);
        try {
            db.write("record start of execution '" + x.executionId() + "'", c -> {
                executions.insertRunning(c, event, x, conditions);
                actions.upsert(c, x.executionId(), done);
                return null;
            });
        } catch (Database.DuplicateKeyException e) {
            LOG.debug("execution of workflow {} for event {} was already recorded", x.workflowId(), event.eventId());
        }
    }

    void actionFinished(String executionId, ActionRecord record) {
        List<ActionResultTable.Prepared> row = ActionResultTable.prepare(List.of(record), null);
        db.write("record action '" + record.id() + "' of execution '" + executionId + "'", c -> {
            actions.upsert(c, executionId, row);
            return null;
        });
    }

    /** Records one finished action with its position in the workflow. */
    void actionFinished(String executionId, int ordinal, ActionRecord record) {
        List<ActionResultTable.Prepared> row = ActionResultTable.prepare(List.of(record), ordinal);
        db.write("record action '" + record.id() + "' of execution '" + executionId + "'", c -> {
            actions.upsert(c, executionId, row);
            return null;
        });
        journaledActions.compute(executionId, (id, written) -> {
            BitSet b = written == null ? new BitSet() : written;
            b.set(ordinal);
            return b;
        });
    }

    /**
     * Records the outcome and every action (with its position) that this process did not journal with its position
     * already; inserts the execution if it was never started.
     */
    void finished(ExecutionRecord r) {
        BitSet journaled = journaledActions.remove(r.executionId());
        String conditions = JournalJson.conditions(r.conditions());
        List<ActionResultTable.Prepared> rows = new ArrayList<>();
        for (int i = 0; i < r.actions().size(); i++) {
            if (journaled == null || !journaled.get(i)) {
                rows.addAll(ActionResultTable.prepare(List.of(r.actions().get(i)), i));
            }
        }
        try {
            db.write("record end of execution '" + r.executionId() + "'", c -> {
                if (!executions.updateFinished(c, r, conditions)) {
                    executions.insertFinished(c, r, conditions);
                }
                actions.upsert(c, r.executionId(), rows);
                return null;
            });
        } catch (Database.DuplicateKeyException e) {
            keepActions(r, rows, e);
            throw new StoreException("cannot record execution '" + r.executionId() + "': workflow '" + r.workflowId()
                    + "' already has another execution for event '" + r.eventId() + "'", e);
        } catch (RuntimeException e) {
            keepActions(r, rows, e);
            throw e;
        }
    }

    /**
     * The end could not be written: writes at least the action rows it carried (the engine left the last action to
     * it), so that the results are not lost with it, when the execution row exists. Best effort.
     */
    private void keepActions(ExecutionRecord r, List<ActionResultTable.Prepared> rows, RuntimeException cause) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            db.write("record actions of execution '" + r.executionId() + "'", c -> {
                if (executions.byId(c, r.executionId()).isEmpty()) {
                    return null; // never started here: the action rows would have no execution to belong to
                }
                actions.upsert(c, r.executionId(), rows);
                return null;
            });
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
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
