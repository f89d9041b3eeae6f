package dev.flowline.store;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.EventInvalidException;
import dev.flowline.json.InputError;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizes the {@code event} table's columns hold, checked before an event joins a group commit, so that one
 * oversized event fails its own call and not the calls that share its transaction. Stateless, thread-safe.
 */
final class EventLimits {

    /** Longest event id, tenant, entity type and entity id, in characters. */
    static final int MAX_ID_LENGTH = 255;

    private EventLimits() {
    }

    /** Throws {@link EventInvalidException} naming each field (as {@code [i].field}) that is too long. */
    static void check(List<EntityEvent> events) {
        List<InputError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EntityEvent e = events.get(i);
            check(errors, i, "event_id", e.eventId());
            check(errors, i, "tenant", e.tenant());
            check(errors, i, "entity_type", e.entityType());
            check(errors, i, "entity_id", e.entityId());
        }
        if (!errors.isEmpty()) {
            throw new EventInvalidException(errors);
        }
    }

    private static void check(List<InputError> errors, int index, String field, String value) {
        if (value.length() > MAX_ID_LENGTH) {
            errors.add(new InputError("[" + index + "]." + field, "is " + value.length()
                    + " characters long; the store keeps at most " + MAX_ID_LENGTH + ": shorten it"));
        }
    }
}
