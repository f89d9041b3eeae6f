package dev.flowline.server.dashboard;

import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ActionStatus;
import dev.flowline.execution.AttemptRecord;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Gantt timeline places each attempt on the execution's time axis. */
class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void each_attempt_is_a_bar_at_its_offset_with_its_length() {
        ActionRecord retried = new ActionRecord("send", "webhook", ActionStatus.SUCCEEDED, List.of(
                new AttemptRecord(1, T0.plusMillis(20), 10, "HTTP 503"),
                new AttemptRecord(2, T0.plusMillis(50), 25, null)), T0.plusMillis(20), T0.plusMillis(75), null, null);
        ActionRecord instant = new ActionRecord("calc", "set", ActionStatus.SUCCEEDED,
                List.of(new AttemptRecord(1, T0.plusMillis(1), 0, null)), T0.plusMillis(1), T0.plusMillis(1), null, null);
        ExecutionRecord r = new ExecutionRecord("x", "w", 1, "e", "default", "order", "o", ExecutionStatus.SUCCEEDED,
                T0, T0.plusMillis(100), 500, List.of(), null,
                List.of(instant, retried, ActionRecord.skipped("never", "webhook", "skipped")));

        Timeline t = Timeline.of(r, T0.plusSeconds(10));

        assertThat(t.totalMs()).isEqualTo(100);
        assertThat(t.rows()).extracting(Timeline.Row::id).containsExactly("conditions", "calc", "send", "never");
        Timeline.Row send = t.rows().get(2);
        assertThat(send.bars()).containsExactly(
                new Timeline.Bar(200, 100, "failed", "attempt 1: 10 ms – HTTP 503"),
                new Timeline.Bar(500, 250, "ok", "attempt 2: 25 ms"));
        assertThat(send.duration()).isEqualTo("55 ms");
        assertThat(t.rows().get(1).bars().getFirst().width()).as("an instant attempt stays visible")
                .isEqualTo(Timeline.MIN_WIDTH);
        assertThat(t.rows().get(3).bars()).isEmpty();
        assertThat(t.rows().get(3).duration()).isEqualTo(Formats.NONE);
        assertThat(t.ticks()).extracting(Timeline.Tick::label).containsExactly("0 ms", "25 ms", "50 ms", "75 ms", "100 ms");
    }

    @Test
    void a_running_execution_is_drawn_up_to_now() {
        ExecutionRecord r = new ExecutionRecord("x", "w", 1, "e", "default", "order", "o", ExecutionStatus.RUNNING,
                T0, null, 0, List.of(), null, List.of());
        assertThat(Timeline.of(r, T0.plusMillis(400)).totalMs()).isEqualTo(400);
    }
}
