package dev.flowline.execution;

import dev.flowline.action.ActionDefinition;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.definition.WorkflowSettings;
import dev.flowline.definition.internal.ExecutionOrder;
import dev.flowline.event.EntityEvent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the actions of one execution as a dependency graph.
 *
 * <p>Parallel strategy: every action whose dependencies succeeded starts at once on a virtual thread, at most
 * {@code max_parallel_actions} at a time. Sequential strategy: one action at a time, in declaration order where
 * dependencies allow. Either way a failed action skips its dependents (transitively) while independent branches
 * finish. Used by one thread (the execution's); not thread-safe.
 */
final class DagRun {

    private final WorkflowDefinition workflow;
    private final List<ActionDefinition> actions;
    private final String executionId;
    private final EntityEvent event;
    private final Map<String, Object> context;
    private final ActionAttempts attempts;
    private final ExecutorService threads;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<Integer>> dependents = new ArrayList<>();
    private final ActionRecord[] records;
    private final ExecutionJournal journal;
    private final boolean forceSequential;
    /** Actions not decided yet (run, failed or skipped); the one that brings it to zero is the execution's last. */
    private final AtomicInteger undecided = new AtomicInteger();

    /** @param forceSequential run one action at a time whatever the workflow's strategy */
    DagRun(WorkflowDefinition workflow, String executionId, EntityEvent event, Map<String, Object> context,
           ActionAttempts attempts, ExecutorService threads, ExecutionJournal journal,
           Map<String, ActionRecord> completed, boolean forceSequential) {
        this.journal = journal;
        this.forceSequential = forceSequential;
        this.workflow = workflow;
        this.actions = workflow.actions();
        this.executionId = executionId;
        this.event = event;
        this.context = new HashMap<>(context);
        this.attempts = attempts;
        this.threads = threads;
        this.records = new ActionRecord[actions.size()];
        for (int i = 0; i < actions.size(); i++) {
            index.put(actions.get(i).id(), i);
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < actions.size(); i++) {
            for (String dep : actions.get(i).common().dependencies()) {
                dependents.get(index.get(dep)).add(i);
            }
        }
        // Resuming after a crash: actions that had succeeded are not run again; their outputs feed later templates.
        for (int i = 0; i < actions.size(); i++) {
            ActionRecord done = completed.get(actions.get(i).id());
            if (done != null && done.status() == ActionStatus.SUCCEEDED) {
                records[i] = done;
                String var = actions.get(i).common().resultVariable();
                if (var != null) {
                    this.context.put(var, done.output());
                }
            }
        }
        for (ActionRecord r : records) {
            if (r == null) {
                undecided.incrementAndGet();
            }
        }
    }

    /** Runs every action; returns one record per action in definition order. */
    List<ActionRecord> run() throws InterruptedException {
        if (forceSequential || workflow.settings().strategy() == WorkflowSettings.Strategy.SEQUENTIAL) {
            runSequential();
        } else {
            runParallel();
        }
        return Arrays.asList(records);
    }

    private void runSequential() throws InterruptedException {
        for (int i : ExecutionOrder.of(actions, index)) {
            if (records[i] != null) {
                continue;
            }
            ActionRecord r = attempts.run(actions.get(i), executionId, workflow, event, new HashMap<>(context));
            journal(i, r);
            finish(i, r);
        }
    }

    /** A finished action; {@code journalFailure} when recording it failed (rethrown by the coordinating thread). */
    private record Completion(int action, ActionRecord record, Throwable journalFailure) {
    }

    private void runParallel() throws InterruptedException {
        int n = actions.size();
        int[] waitingFor = new int[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            for (String dep : actions.get(i).common().dependencies()) {
                if (records[index.get(dep)] == null) {
                    waitingFor[i]++;
                }
            }
            if (waitingFor[i] == 0 && records[i] == null) {
                ready.add(i);
            }
        }
        LinkedBlockingQueue<Completion> done = new LinkedBlockingQueue<>();
        int max = workflow.settings().maxParallelActions();
        int inFlight = 0;
        while (decided() < n) {
            while (!ready.isEmpty() && inFlight < max) {
                int i = ready.poll();
                // Each action gets a snapshot: its dependencies' results are already in it, later ones are not needed.
                Map<String, Object> snapshot = new HashMap<>(context);
                ActionDefinition a = actions.get(i);
                threads.execute(() -> {
                    ActionRecord r = runSafely(a, snapshot);
                    // journaled on the action's own thread, so that actions finishing together share a commit
                    Throwable failure = null;
                    try {
                        journal(i, r);
                    } catch (Throwable e) { // an Error too: the coordinator must hear of it, or it waits forever
                        failure = e;
                    }
                    done.add(new Completion(i, r, failure));
                });
                inFlight++;
            }
            Completion c = done.take();
            inFlight--;
            if (c.journalFailure() instanceof RuntimeException e) {
                throw e;
            }
            if (c.journalFailure() instanceof Error e) {
                throw e;
            }
            if (c.journalFailure() != null) {
                throw new IllegalStateException(c.journalFailure());
            }
            finish(c.action(), c.record());
            if (c.record().status() == ActionStatus.SUCCEEDED) {
                for (int d : dependents.get(c.action())) {
                    if (--waitingFor[d] == 0 && records[d] == null) {
                        ready.add(d);
                    }
                }
            }
        }
    }

    private ActionRecord runSafely(ActionDefinition a, Map<String, Object> snapshot) {
        try {
            return attempts.run(a, executionId, workflow, event, snapshot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ActionRecord(a.id(), a.type(), ActionStatus.FAILED, List.of(), null, null, null,
                    "interrupted: the engine is shutting down");
        } catch (RuntimeException | Error e) {
            return new ActionRecord(a.id(), a.type(), ActionStatus.FAILED, List.of(), null, null, null,
                    "internal error: " + e);
        }
    }

    /**
     * Journals a finished action before anything that depends on it starts, except the execution's last action when
     * the journal records it with the execution's end (see {@link ExecutionJournal#recordsActionsAtEnd()}).
     */
    private void journal(int i, ActionRecord r) {
        boolean last = undecided.decrementAndGet() == 0;
        if (!last || !journal.recordsActionsAtEnd()) {
            journal.actionFinished(executionId, i, r);
        }
    }

    /** Takes a finished (and journaled) action's record: passes its result on, or skips its dependents. */
    private void finish(int i, ActionRecord r) {
        records[i] = r;
        ActionDefinition a = actions.get(i);
        if (r.status() == ActionStatus.SUCCEEDED) {
            if (a.common().resultVariable() != null) {
                context.put(a.common().resultVariable(), r.output());
            }
            return;
        }
        // Skip every transitive dependent, each naming the dependency that stopped it.
        Deque<int[]> todo = new ArrayDeque<>();
        dependents.get(i).forEach(d -> todo.add(new int[] {d, i}));
        while (!todo.isEmpty()) {
            int[] edge = todo.poll();
            int d = edge[0];
            if (records[d] == null) {
                ActionDefinition da = actions.get(d);
                ActionRecord cause = records[edge[1]];
                records[d] = ActionRecord.skipped(da.id(), da.type(), "skipped: dependency '"
                        + actions.get(edge[1]).id() + "' " + cause.status().jsonName());
                journal(d, records[d]);
                dependents.get(d).forEach(x -> todo.add(new int[] {x, d}));
            }
        }
    }

    private int decided() {
        int n = 0;
        for (ActionRecord r : records) {
            if (r != null) {
                n++;
            }
        }
        return n;
    }
}
