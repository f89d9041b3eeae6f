package dev.flowline.bench.match;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the match benchmark's workflows and events from a seed: ~100 entity types, realistic triggers
 * (operations, field triggers, 1-4 conditions of mixed operators on distinct fields), and events whose entities
 * carry every field those conditions read.
 *
 * <p>Every generated workflow is expressible in AWS Event Ruler too ({@link RulerRules}): no two conditions on one
 * field, no {@code changed_to} next to field triggers or on deletes. Not thread-safe (one {@link Random}).
 */
public final class SyntheticWorkload {

    static final String[] STATUSES = {"new", "confirmed", "paid", "packed", "shipped", "delivered", "returned",
            "cancelled", "on_hold", "refunded", "disputed", "archived"};
    static final String[] COUNTRIES = {"DE", "FR", "NL", "IT", "ES", "PL", "SE", "AT", "BE", "DK"};
    static final String[] FIELDS = {"status", "total", "country", "priority", "name", "region"};

    private final Random random;
    private final int entityTypes;

    public SyntheticWorkload(long seed, int entityTypes) {
        this.random = new Random(seed);
        this.entityTypes = entityTypes;
    }

    static String entityType(int i) {
        return "type%03d".formatted(i);
    }

    /** One workflow definition as JSON-ready values. */
    public Map<String, Object> workflow(int n) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("id", "wf-" + n);
        w.put("entity_type", entityType(random.nextInt(entityTypes)));
        List<String> ops = operations();
        w.put("operations", ops);
        boolean fieldTriggers = ops.contains("update") && random.nextBoolean();
        if (fieldTriggers) {
            List<String> watched = new ArrayList<>(List.of("status", "total", "country", "priority", "name"));
            java.util.Collections.shuffle(watched, random);
            w.put("field_triggers", watched.subList(0, 1 + random.nextInt(2)));
        }
        List<String> fields = new ArrayList<>(List.of(FIELDS));
        java.util.Collections.shuffle(fields, random);
        int count = 1 + random.nextInt(4);
        List<Object> conditions = new ArrayList<>();
        boolean changedToAllowed = !fieldTriggers && !ops.contains("delete");
        for (int i = 0; i < count; i++) {
            conditions.add(condition(fields.get(i), changedToAllowed));
        }
        w.put("conditions", conditions);
        w.put("actions", List.of(Map.of("id", "note", "type", "set", "values", Map.of("seen", true))));
        return w;
    }

    private List<String> operations() {
        int r = random.nextInt(100);
        if (r < 50) {
            return List.of("update");
        }
        if (r < 75) {
            return List.of("create");
        }
        if (r < 90) {
            return List.of("create", "update");
        }
        return List.of("delete");
    }

    private Map<String, Object> condition(String field, boolean changedToAllowed) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", "field");
        c.put("field", field);
        switch (field) {
            case "status" -> {
                int r = random.nextInt(10);
                if (r < 6) {
                    op(c, "eq", pick(STATUSES));
                } else if (r < 8) {
                    op(c, "in", List.of(pick(STATUSES), pick(STATUSES), pick(STATUSES)));
                } else if (changedToAllowed) {
                    op(c, "changed_to", pick(STATUSES));
                } else {
                    op(c, "ne", pick(STATUSES));
                }
            }
            case "total" -> {
                int r = random.nextInt(5);
                int a = random.nextInt(1000);
                switch (r) {
                    case 0 -> op(c, "gt", a);
                    case 1 -> op(c, "gte", a);
                    case 2 -> op(c, "lt", a);
                    case 3 -> op(c, "lte", a);
                    default -> op(c, "between", List.of(a / 2, a / 2 + 1 + random.nextInt(500)));
                }
            }
            case "country" -> {
                if (random.nextBoolean()) {
                    op(c, "eq", pick(COUNTRIES));
                } else if (random.nextBoolean()) {
                    op(c, "ne", pick(COUNTRIES));
                } else {
                    op(c, "not_in", List.of(pick(COUNTRIES), pick(COUNTRIES)));
                }
            }
            case "priority" -> op(c, random.nextBoolean() ? "eq" : "gte", 1 + random.nextInt(5));
            case "name" -> op(c, "starts_with", "customer-" + random.nextInt(10));
            default -> c.put("operator", "exists");
        }
        return c;
    }

    private static void op(Map<String, Object> c, String operator, Object value) {
        c.put("operator", operator);
        c.put("value", value);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** One event: mostly updates of one or two fields, some creates and deletes. */
    public EntityEvent event(int n) {
        String type = entityType(random.nextInt(entityTypes));
        Map<String, Object> before = entity(n);
        int r = random.nextInt(100);
        EntityEvent.Builder b = EntityEvent.builder().eventId("ev-" + n).entityType(type).entityId("e-" + n);
        if (r < 20) {
            return b.operation(Operation.CREATE).data(before).build();
        }
        if (r < 25) {
            return b.operation(Operation.DELETE).previous(before).build();
        }
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("status", pick(STATUSES));
        if (random.nextInt(3) == 0) {
            after.put("total", (long) random.nextInt(1000));
        }
        if (random.nextInt(5) == 0) {
            after.put("name", "customer-" + random.nextInt(100));
        }
        return b.operation(Operation.UPDATE).previous(before).data(after).build();
    }

    private Map<String, Object> entity(int n) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", "e-" + n);
        e.put("status", pick(STATUSES));
        e.put("total", (long) random.nextInt(1000));
        e.put("country", pick(COUNTRIES));
        e.put("priority", (long) (1 + random.nextInt(5)));
        e.put("name", "customer-" + random.nextInt(100));
        if (random.nextInt(10) < 7) {
            e.put("region", "eu-" + random.nextInt(3));
        }
        return e;
    }
}
