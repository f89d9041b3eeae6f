package dev.flowline.action.internal;

import dev.flowline.action.ActionFailedException;
import dev.flowline.action.LoopDetectedException;
import dev.flowline.action.UpdateEntityAction;
import dev.flowline.event.CausationLink;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.template.TemplateValue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs {@code update_entity} actions: builds the resulting {@code update} event and hands it to the engine, after
 * the loop guard has checked its causation chain. Thread-safe.
 *
 * <p>For the triggering entity, {@code previous} is the entity's data as the event carried it and {@code data} has
 * the {@code set} fields applied; for another entity, only the {@code set} fields are known, so {@code data} holds
 * just those and {@code previous} is empty. The emitted event's id is {@code <execution_id>:<action_id>}, so a retry
 * or a replay emits the same event again, which idempotent intake can drop.
 */
public final class EntityUpdater {

    private final Consumer<EntityEvent> emit;
    private final int maxChainDepth;
    private final int maxVisitsPerWorkflowEntity;
    private final Clock clock;

    public EntityUpdater(Consumer<EntityEvent> emit, int maxChainDepth, int maxVisitsPerWorkflowEntity, Clock clock) {
        this.emit = emit;
        this.maxChainDepth = maxChainDepth;
        this.maxVisitsPerWorkflowEntity = maxVisitsPerWorkflowEntity;
        this.clock = clock;
    }

    public Object update(UpdateEntityAction a, Attempt attempt) {
        EntityEvent trigger = attempt.event();
        Map<String, Object> ctx = attempt.context();
        String type = a.entityType() == null ? trigger.entityType() : a.entityType();
        String id = a.entityId() == null ? trigger.entityId() : String.valueOf(a.entityId().render(ctx));
        if (id.isBlank() || "null".equals(id)) {
            throw new ActionFailedException("entity_id rendered to an empty value", false);
        }
        Map<String, Object> set = new LinkedHashMap<>();
        for (Map.Entry<String, TemplateValue> e : a.set().entrySet()) {
            set.put(e.getKey(), e.getValue().render(ctx));
        }
        List<CausationLink> chain = new ArrayList<>(trigger.causation());
        chain.add(new CausationLink(attempt.workflow().id(), trigger.entityType(), trigger.entityId(),
                attempt.executionId()));
        checkLoop(chain);
        boolean same = type.equals(trigger.entityType()) && id.equals(trigger.entityId());
        Map<String, Object> previous = same ? trigger.subject() : Map.of();
        Map<String, Object> data = new LinkedHashMap<>(previous);
        data.putAll(set);
        String eventId = attempt.idempotencyKey(a.id());
        EntityEvent next = EntityEvent.builder()
                .eventId(eventId)
                .tenant(trigger.tenant())
                .entityType(type)
                .entityId(id)
                .operation(Operation.UPDATE)
                .previous(previous)
                .data(data)
                .changedFields(same ? null : set.keySet())
                .occurredAt(clock.instant())
                .causation(chain)
                .build();
        emit.accept(next);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entity_type", type);
        out.put("entity_id", id);
        out.put("event_id", eventId);
        out.put("set", set);
        return out;
    }

    private void checkLoop(List<CausationLink> chain) {
        if (chain.size() > maxChainDepth) {
            throw new LoopDetectedException("update_entity chain is " + chain.size()
                    + " deep, more than the limit of " + maxChainDepth, chain);
        }
        CausationLink last = chain.getLast();
        long visits = chain.stream().filter(l -> l.workflowId().equals(last.workflowId())
                && l.entityType().equals(last.entityType()) && l.entityId().equals(last.entityId())).count();
        if (visits > maxVisitsPerWorkflowEntity) {
            throw new LoopDetectedException("workflow '" + last.workflowId() + "' re-triggered itself on "
                    + last.entityType() + ":" + last.entityId() + " " + visits + " times, more than the limit of "
                    + maxVisitsPerWorkflowEntity, chain);
        }
    }
}
