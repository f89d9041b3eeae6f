package dev.flowline.server.metrics;

import dev.flowline.execution.ExecutionRecord;
import dev.flowline.server.api.ExecutionStats;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Executions per minute, success rate and p50/p95 execution time per workflow over the last five minutes, for the
 * workflows page. Bounded memory: at most {@value #PER_WORKFLOW} recent executions per workflow. Thread-safe.
 */
public final class WorkflowStats {

    static final int PER_WORKFLOW = 10_000;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, ExecutionStats> byWorkflow = new ConcurrentHashMap<>();

    public WorkflowStats(Clock clock) {
        this.clock = clock;
    }

    public void record(ExecutionRecord r) {
        byWorkflow.computeIfAbsent(r.workflowId(), id -> new ExecutionStats(clock, WINDOW, PER_WORKFLOW)).record(r);
    }

    /** The figures of one workflow (see {@link ExecutionStats#snapshot()}); empty before its first execution. */
    public Map<String, Object> snapshot(String workflowId) {
        ExecutionStats s = byWorkflow.get(workflowId);
        return s == null ? Map.of() : s.snapshot();
    }
}
