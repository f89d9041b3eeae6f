package dev.flowline.server.metrics;

import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ActionStatus;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Meters of finished executions: {@code flowline_executions_total{workflow,status}},
 * {@code flowline_execution_duration_seconds{workflow}} (a histogram),
 * {@code flowline_condition_duration_seconds{workflow}} and {@code flowline_action_duration_seconds{type,status}}.
 *
 * <p>A retried execution finishes again with the actions it reused from the first run; those are not timed twice
 * (the actions of the last {@value #REMEMBERED} failed executions are remembered for that). Thread-safe.
 */
public final class ExecutionMeters {

    static final int REMEMBERED = 10_000;
    /** Bucket bounds of the duration histogram: from a millisecond to a minute, enough for SLO queries. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry registry;
    private final Map<String, Set<String>> timedActionsOfFailed = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > REMEMBERED;
        }
    };

    ExecutionMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one finished execution. */
    public void record(ExecutionRecord r) {
        String status = r.status() == null ? ExecutionStatus.RUNNING.jsonName() : r.status().jsonName();
        Counter.builder("flowline.executions").description("Finished executions by workflow and status")
                .tag("workflow", r.workflowId()).tag("status", status).register(registry).increment();
        if (r.durationMs() != null) {
            Timer.builder("flowline.execution.duration").description("Execution time, conditions to last action")
                    .tag("workflow", r.workflowId()).serviceLevelObjectives(BUCKETS)
                    .register(registry).record(r.durationMs(), TimeUnit.MILLISECONDS);
        }
        Timer.builder("flowline.condition.duration").description("Condition evaluation time of executions")
                .tag("workflow", r.workflowId()).register(registry)
                .record(r.conditionTimeUs(), TimeUnit.MICROSECONDS);
        Set<String> alreadyTimed = alreadyTimed(r);
        for (ActionRecord a : r.actions()) {
            if (a.status() == ActionStatus.SKIPPED || a.startedAt() == null || alreadyTimed.contains(key(a))) {
                continue;
            }
            Timer.builder("flowline.action.duration").description("Action time, all attempts and back-off included")
                    .tag("type", a.type()).tag("status", a.status().jsonName()).register(registry)
                    .record(a.durationMs(), TimeUnit.MILLISECONDS);
        }
    }

    /** The actions timed for an earlier run of this execution; remembers this run's if it failed. */
    private synchronized Set<String> alreadyTimed(ExecutionRecord r) {
        Set<String> before = timedActionsOfFailed.remove(r.executionId());
        if (r.status() == ExecutionStatus.FAILED) {
            Set<String> now = new HashSet<>();
            for (ActionRecord a : r.actions()) {
                if (a.startedAt() != null) {
                    now.add(key(a));
                }
            }
            timedActionsOfFailed.put(r.executionId(), now);
        }
        return before == null ? Set.of() : before;
    }

    private static String key(ActionRecord a) {
        return a.id() + '@' + a.startedAt();
    }
}
