package dev.flowline.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One change to one entity, as the application reported it (or as an {@code update_entity} action emitted it).
 *
 * <p>Immutable once built; {@code data} and {@code previous} are never null (empty when not given).
 * Build one with {@link #builder()} which derives {@code changed_fields} when they are not given.
 *
 * @param eventId       idempotency key; generated when the application gave none
 * @param tenant        tenant id, {@code "default"} when not given
 * @param entityType    e.g. {@code order}
 * @param entityId      the entity's id, as a string
 * @param operation     create, update or delete
 * @param data          state after the change (empty for delete)
 * @param previous      state before the change (empty for create)
 * @param changedFields fields that changed, including each parent of a changed nested field
 * @param occurredAt    when the change happened
 * @param causation     the chain of executions that led to this event (empty for application events)
 */
public record EntityEvent(String eventId, String tenant, String entityType, String entityId, Operation operation,
                          Map<String, Object> data, Map<String, Object> previous, Set<String> changedFields,
                          Instant occurredAt, List<CausationLink> causation) {

    public static final String DEFAULT_TENANT = "default";

    public EntityEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(operation, "operation");
        data = data == null ? Map.of() : data;
        previous = previous == null ? Map.of() : previous;
        changedFields = changedFields == null ? Set.of() : changedFields;
        causation = causation == null ? List.of() : List.copyOf(causation);
    }

    /** The state conditions read: {@code data}, or {@code previous} for a delete. */
    public Map<String, Object> subject() {
        return operation == Operation.DELETE ? previous : data;
    }

    /** Key of the entity this event is about; events with equal keys are processed in order. */
    public String entityKey() {
        return tenant + '\u0000' + entityType + '\u0000' + entityId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds events; derives changed fields from data and previous unless given. Not thread-safe. */
    public static final class Builder {
        private String eventId;
        private String tenant = DEFAULT_TENANT;
        private String entityType;
        private String entityId;
        private Operation operation;
        private Map<String, Object> data = Map.of();
        private Map<String, Object> previous = Map.of();
        private Set<String> changedFields;
        private Instant occurredAt;
        private List<CausationLink> causation = List.of();

        public Builder eventId(String eventId) { this.eventId = eventId; return this; }
        public Builder tenant(String tenant) { this.tenant = tenant; return this; }
        public Builder entityType(String entityType) { this.entityType = entityType; return this; }
        public Builder entityId(String entityId) { this.entityId = entityId; return this; }
        public Builder operation(Operation operation) { this.operation = operation; return this; }
        public Builder data(Map<String, Object> data) { this.data = data; return this; }
        public Builder previous(Map<String, Object> previous) { this.previous = previous; return this; }
        public Builder changedFields(Set<String> changedFields) { this.changedFields = changedFields; return this; }
        public Builder occurredAt(Instant occurredAt) { this.occurredAt = occurredAt; return this; }
        public Builder causation(List<CausationLink> causation) { this.causation = causation; return this; }

        public EntityEvent build() {
            Map<String, Object> d = operation == Operation.DELETE ? Map.of() : nonNull(data);
            Map<String, Object> p = operation == Operation.CREATE ? Map.of() : nonNull(previous);
            Set<String> changed = changedFields == null
                    ? ChangedFields.derive(p, d)
                    : ChangedFields.withParents(changedFields);
            return new EntityEvent(eventId == null ? EventIds.next() : eventId, tenant, entityType, entityId,
                    operation, d, p, changed, occurredAt == null ? Instant.now() : occurredAt, causation);
        }

        private static Map<String, Object> nonNull(Map<String, Object> m) {
            return m == null ? Map.of() : m;
        }
    }
}
