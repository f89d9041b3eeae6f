package dev.flowline.server.metrics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flowline.execution.ActionStatus;
import dev.flowline.execution.ExecutionStatus;
import dev.flowline.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static dev.flowline.server.metrics.ExecutionMetersTest.T0;
import static dev.flowline.server.metrics.ExecutionMetersTest.action;
import static dev.flowline.server.metrics.ExecutionMetersTest.execution;
import static org.assertj.core.api.Assertions.assertThat;

/** One JSON line per finished execution on the logger {@code flowline.execution}. */
class ExecutionLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ExecutionLog.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_finished_execution_is_one_json_line_with_its_phases() {
        new ExecutionLog().log(execution("x1", ExecutionStatus.FAILED, T0.plusMillis(60),
                action("calc", "set", ActionStatus.SUCCEEDED, T0.plusMillis(1), 4),
                action("send", "webhook", ActionStatus.FAILED, T0.plusMillis(10), 45)));

        assertThat(lines.list).hasSize(1);
        String message = lines.list.getFirst().getFormattedMessage();
        assertThat(message).doesNotContain("\n");
        Map<String, Object> line = (Map<String, Object>) Json.parse(message);
        assertThat(line).containsEntry("execution_id", "x1").containsEntry("workflow_id", "w")
                .containsEntry("status", "failed").containsEntry("tenant", "acme").containsEntry("duration_ms", 60L)
                .containsEntry("error", "action failed");
        assertThat((Map<String, Object>) line.get("phases")).containsEntry("conditions_us", 120L)
                .containsEntry("actions_ms", 54L);
        assertThat((List<Map<String, Object>>) line.get("actions")).extracting(a -> a.get("id") + ":"
                + a.get("duration_ms") + ":" + a.get("status")).containsExactly("calc:4:succeeded", "send:45:failed");
    }

    @Test
    void nothing_is_built_or_written_when_the_logger_is_off() {
        logger.setLevel(Level.OFF);
        new ExecutionLog().log(execution("x2", ExecutionStatus.SUCCEEDED, T0.plusMillis(1)));
        assertThat(lines.list).isEmpty();
    }
}
