package dev.flowline.store;

import dev.flowline.condition.ConditionResult;
import dev.flowline.event.CausationLink;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ActionStatus;
import dev.flowline.execution.AttemptRecord;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import dev.flowline.execution.JournaledExecution;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Events, executions and actions for the store tests; times are whole milliseconds unless a test says otherwise. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private Fixtures() {
    }

    /** A unique prefix, so that tests sharing a database never see each other's rows. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static EntityEvent event(String eventId, String entityId) {
        return EntityEvent.builder().eventId(eventId).entityType("order").entityId(entityId)
                .operation(Operation.CREATE).data(Map.of("status", "new", "total", 120L)).occurredAt(T0).build();
    }

    /** An update with nested data, unicode, a null, explicit changed fields and a causation chain. */
    static EntityEvent richEvent(String eventId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", "bezahlt ✓ 支払い済み 💶");
        data.put("total", 99.5);
        data.put("lines", List.of(Map.of("sku", "A-1", "qty", 2L), Map.of("sku", "B-2", "qty", 1L)));
        data.put("customer", Map.of("id", 7L, "vip", true));
        data.put("note", null);
        return new EntityEvent(eventId, "acme", "order", "o-42", Operation.UPDATE, data,
                Map.of("status", "new", "total", 99.5), Set.of("status"),
                Instant.parse("2026-03-01T10:00:00.123456789Z"),
                List.of(new CausationLink("wf-upstream", "customer", "c-7", "ex-upstream")));
    }

    static JournaledExecution running(String executionId, String workflowId, Instant startedAt) {
        return new JournaledExecution(executionId, workflowId, 3, startedAt, 42,
                List.of(new ConditionResult("conditions[0]", "status eq 'paid'", true, 1234, null)), false, Map.of());
    }

    static ActionRecord succeeded(String id, Instant at, Object output) {
        return new ActionRecord(id, "database", ActionStatus.SUCCEEDED,
                List.of(new AttemptRecord(1, at, 12, "timeout ⏱"), new AttemptRecord(2, at.plusMillis(250), 7, null)),
                at, at.plusMillis(257), output, null);
    }

    static ExecutionRecord finished(EntityEvent event, JournaledExecution x, ExecutionStatus status,
                                    List<ActionRecord> actions) {
        return new ExecutionRecord(x.executionId(), x.workflowId(), x.workflowVersion(), event.eventId(),
                event.tenant(), event.entityType(), event.entityId(), status, x.startedAt(),
                x.startedAt().plusMillis(900), x.conditionTimeUs(), x.conditions(),
                status == ExecutionStatus.FAILED ? "action 'send' failed: 💥 échec" : null, actions);
    }

    /** A finished execution of one workflow for one new event, started at the given time. */
    static ExecutionRecord execution(String workflowId, String executionId, Instant startedAt) {
        EntityEvent e = event(unique("ev"), "o-1");
        return finished(e, running(executionId, workflowId, startedAt), ExecutionStatus.SUCCEEDED, List.of());
    }
}
