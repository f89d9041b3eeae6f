package dev.flowline.execution;

import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.condition.ConditionOutcome;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.EventIds;
import dev.flowline.match.Matcher;
import dev.flowline.match.NaiveMatcher;
import dev.flowline.match.TriggerIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Processes one event: finds candidate workflows through the trigger index, evaluates their conditions cheapest
 * first, and runs an execution for each workflow that matched. Thread-safe.
 */
final class EventProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(EventProcessor.class);

    private final ConditionEvaluator evaluator;
    private final ActionAttempts attempts;
    private final ExecutorService threads;
    private final Clock clock;
    private final ExecutionListener listener;
    private final MatchListener matchListener;
    private final ExecutionJournal journal;
    private final Strategies strategies;
    private volatile TriggerIndex index = TriggerIndex.build(List.of());
    private volatile NaiveMatcher scan = new NaiveMatcher(List.of(), null);
    private volatile List<WorkflowDefinition> all = List.of();
    private final java.util.concurrent.ConcurrentHashMap<String, WorkflowCounters> counters =
            new java.util.concurrent.ConcurrentHashMap<>();

    EventProcessor(ConditionEvaluator evaluator, ActionAttempts attempts, ExecutorService threads, Clock clock,
                   ExecutionListener listener, MatchListener matchListener, ExecutionJournal journal,
                   Strategies strategies) {
        this.journal = journal;
        this.strategies = strategies;
        this.evaluator = evaluator;
        this.attempts = attempts;
        this.threads = threads;
        this.clock = clock;
        this.listener = listener;
        this.matchListener = matchListener;
    }

    /** Matching counters per workflow id. */
    Map<String, WorkflowCounters> counters() {
        return java.util.Collections.unmodifiableMap(counters);
    }

    void setIndex(TriggerIndex index, List<WorkflowDefinition> all) {
        this.index = index;
        this.scan = new NaiveMatcher(all, null);
        this.all = all;
    }

    /**
     * One execution to run: a new one ({@code executionId} null) or one resumed from the journal.
     */
    private record Run(WorkflowDefinition workflow, Instant startedAt, ConditionOutcome outcome, String executionId,
                       Map<String, ActionRecord> completed) {

        Run(WorkflowDefinition workflow, Instant startedAt, ConditionOutcome outcome) {
            this(workflow, startedAt, outcome, null, Map.of());
        }
    }

    /**
     * Matches the event and runs its executions.
     *
     * @param replay true when the event may have been processed before a crash: the journal is asked first, finished
     *               executions are not repeated and unfinished ones resume
     */
    List<ExecutionRecord> process(EntityEvent event, boolean replay) {
        Map<String, JournaledExecution> prior = replay ? journal.recorded(event) : Map.of();
        List<WorkflowDefinition> candidates = strategies.triggerIndex() ? index.candidates(event) : scan.candidates(event);
        List<Run> runs = new ArrayList<>(candidates.size());
        Map<WorkflowDefinition, ConditionOutcome> outcomes = matchListener == null ? null : new IdentityHashMap<>();
        resume(prior, runs);
        for (WorkflowDefinition w : candidates) {
            if (prior.containsKey(w.id())) {
                continue;
            }
            Instant started = clock.instant();
            ConditionOutcome outcome = evaluator.evaluate(strategies.orderedConditions() ? w.plan() : w.conditions(),
                    event, () -> TemplateContexts.forConditions(event, w));
            if (outcomes != null) {
                outcomes.put(w, outcome);
            }
            counters.computeIfAbsent(w.id(), k -> new WorkflowCounters()).record(outcome.passed());
            if (outcome.passed() || outcome.error() != null) {
                runs.add(new Run(w, started, outcome));
            }
        }
        if (matchListener != null) {
            explain(event, outcomes);
        }
        if (runs.isEmpty()) {
            return List.of();
        }
        if (runs.size() == 1) {
            return List.of(execute(event, runs.getFirst()));
        }
        List<Future<ExecutionRecord>> futures = new ArrayList<>(runs.size());
        for (Run r : runs) {
            futures.add(threads.submit(() -> execute(event, r)));
        }
        List<ExecutionRecord> out = new ArrayList<>(runs.size());
        for (Future<ExecutionRecord> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                break;
            } catch (ExecutionException e) {
                LOG.error("execution for event {} failed unexpectedly", event.eventId(), e.getCause());
            }
        }
        return out;
    }

    /**
     * Runs one journaled execution again (a retry): actions recorded as succeeded are reused, the others run.
     *
     * @return the finished record, or null when the workflow no longer exists
     */
    ExecutionRecord resume(EntityEvent event, JournaledExecution p) {
        List<Run> runs = new ArrayList<>(1);
        resume(Map.of(p.workflowId(), p), runs);
        return runs.isEmpty() ? null : execute(event, runs.getFirst());
    }

    /** Adds the journal's unfinished executions of this event, run by the workflow's current definition. */
    private void resume(Map<String, JournaledExecution> prior, List<Run> runs) {
        for (JournaledExecution p : prior.values()) {
            if (p.finished()) {
                continue;
            }
            WorkflowDefinition w = all.stream().filter(d -> d.id().equals(p.workflowId())).findFirst().orElse(null);
            if (w == null) {
                LOG.warn("cannot resume execution {}: workflow {} no longer exists", p.executionId(), p.workflowId());
                continue;
            }
            ConditionOutcome outcome = new ConditionOutcome(true, p.conditions(), p.conditionTimeUs() * 1000, null);
            runs.add(new Run(w, p.startedAt(), outcome, p.executionId(), p.actions()));
        }
    }

    private ExecutionRecord execute(EntityEvent event, Run run) {
        WorkflowDefinition w = run.workflow();
        ConditionOutcome outcome = run.outcome();
        String executionId = run.executionId();
        if (executionId == null) {
            executionId = EventIds.next();
            journal.started(event, new JournaledExecution(executionId, w.id(), w.version(), run.startedAt(),
                    outcome.timeNanos() / 1000, outcome.results(), false, Map.of()));
        }
        long conditionUs = outcome.timeNanos() / 1000;
        List<ActionRecord> actions;
        String error;
        if (outcome.error() != null) {
            error = "conditions could not be evaluated: " + outcome.error();
            actions = w.actions().stream()
                    .map(a -> ActionRecord.skipped(a.id(), a.type(), "skipped: conditions could not be evaluated"))
                    .toList();
        } else {
            Map<String, Object> context = TemplateContexts.forActions(event, w, executionId, Times.iso(run.startedAt()));
            try {
                actions = new DagRun(w, executionId, event, context, attempts, threads, journal, run.completed(),
                        !strategies.parallelActions()).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                actions = List.of();
            }
            error = firstError(actions);
        }
        ExecutionStatus status = error == null ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED;
        ExecutionRecord record = new ExecutionRecord(executionId, w.id(), w.version(), event.eventId(), event.tenant(),
                event.entityType(), event.entityId(), status, run.startedAt(), clock.instant(), conditionUs,
                outcome.results(), error, actions);
        try {
            listener.onExecution(record);
        } catch (RuntimeException e) {
            LOG.error("execution listener failed for {}", executionId, e);
        }
        return record;
    }

    private static String firstError(List<ActionRecord> actions) {
        if (actions.isEmpty()) {
            return null;
        }
        for (ActionRecord a : actions) {
            if (a.status() == ActionStatus.FAILED) {
                return "action '" + a.id() + "' failed: " + a.error();
            }
        }
        return null;
    }

    /** Reports every workflow whose trigger fired, reusing outcomes the index path already computed. */
    private void explain(EntityEvent event, Map<WorkflowDefinition, ConditionOutcome> outcomes) {
        List<Matcher.Candidate> report = new ArrayList<>();
        for (WorkflowDefinition w : all) {
            if (!w.enabled() || w.trigger() == null || !w.trigger().fires(event)
                    || (w.tenant() != null && !w.tenant().equals(event.tenant()))) {
                continue;
            }
            ConditionOutcome o = outcomes.get(w);
            if (o == null) {
                o = evaluator.evaluate(w.plan(), event, () -> TemplateContexts.forConditions(event, w));
            }
            report.add(new Matcher.Candidate(w, o));
        }
        try {
            matchListener.onMatch(event, report);
        } catch (RuntimeException e) {
            LOG.error("match listener failed for event {}", event.eventId(), e);
        }
    }
}
