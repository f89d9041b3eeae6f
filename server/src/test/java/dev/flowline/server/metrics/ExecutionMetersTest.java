package dev.flowline.server.metrics;

import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ActionStatus;
import dev.flowline.execution.AttemptRecord;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Execution meters count every finish, but do not time twice the actions a retry reused. */
class ExecutionMetersTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    static ActionRecord action(String id, String type, ActionStatus status, Instant start, long ms) {
        return new ActionRecord(id, type, status, List.of(new AttemptRecord(1, start, ms,
                status == ActionStatus.FAILED ? "HTTP 400" : null)), start, start.plusMillis(ms), null,
                status == ActionStatus.FAILED ? "HTTP 400" : null);
    }

    static ExecutionRecord execution(String id, ExecutionStatus status, Instant finished, ActionRecord... actions) {
        return new ExecutionRecord(id, "w", 1, "e1", "acme", "order", "o1", status, T0, finished, 120, List.of(),
                status == ExecutionStatus.FAILED ? "action failed" : null, List.of(actions));
    }

    @Test
    void a_retried_execution_counts_twice_but_its_reused_action_is_timed_once() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ExecutionMeters meters = new ExecutionMeters(registry);
        ActionRecord calc = action("calc", "set", ActionStatus.SUCCEEDED, T0, 2);
        meters.record(execution("x1", ExecutionStatus.FAILED, T0.plusMillis(50), calc,
                action("send", "webhook", ActionStatus.FAILED, T0.plusMillis(3), 40)));
        meters.record(execution("x1", ExecutionStatus.SUCCEEDED, T0.plusSeconds(60), calc,
                action("send", "webhook", ActionStatus.SUCCEEDED, T0.plusSeconds(59), 30)));

        assertThat(registry.get("flowline.executions").tags("workflow", "w", "status", "failed").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("flowline.executions").tags("workflow", "w", "status", "succeeded").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("flowline.action.duration").tags("type", "set").timer().count()).isEqualTo(1);
        assertThat(registry.get("flowline.action.duration").tags("type", "webhook", "status", "failed").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("flowline.action.duration").tags("type", "webhook", "status", "succeeded").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get("flowline.execution.duration").tag("workflow", "w").timer().count()).isEqualTo(2);
    }

    @Test
    void skipped_actions_are_not_timed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ExecutionMeters(registry).record(execution("x2", ExecutionStatus.FAILED, T0.plusMillis(5),
                action("a", "set", ActionStatus.FAILED, T0, 1), ActionRecord.skipped("b", "webhook", "skipped")));
        assertThat(registry.find("flowline.action.duration").tag("type", "webhook").timer()).isNull();
        assertThat(registry.get("flowline.condition.duration").timer().totalTime(java.util.concurrent.TimeUnit.MICROSECONDS))
                .isEqualTo(120);
    }
}
