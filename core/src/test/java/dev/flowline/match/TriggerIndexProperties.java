package dev.flowline.match;

import dev.flowline.condition.AllOf;
import dev.flowline.condition.AnyOf;
import dev.flowline.condition.Condition;
import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.condition.ConditionOrder;
import dev.flowline.condition.FieldCondition;
import dev.flowline.condition.Not;
import dev.flowline.condition.Operator;
import dev.flowline.definition.EntityTrigger;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.definition.WorkflowSettings;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.value.FieldPath;
import dev.flowline.testing.RandomCases;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trigger index selects exactly what the naive matcher selects, over random workflow sets and events whose
 * values collide often ({@code 100}, {@code 100.0} and {@code "100"}; {@code 0} and {@code -0.0}; a big integer
 * and the double of the same value; a BigDecimal, as expressions produce, and the equal double).
 *
 * <p>Each of the {@value #CASES} cases draws from its own seed; a failure names it, to rerun with
 * {@code -Dflowline.seed=S}. Sizes and choices are uniform unless weighted.
 */
class TriggerIndexProperties {

    private static final List<Operation> OPERATIONS = List.of(Operation.values());
    private static final List<String> ENTITY_TYPES = List.of("order", "ticket");
    private static final List<String> EVENT_TENANTS = List.of("t1", "t2", EntityEvent.DEFAULT_TENANT);
    private static final List<String> FIELDS = List.of("status", "total", "flag", "customer", "customer.vip");
    private static final List<String> TOP_FIELDS = List.of("status", "total", "flag");
    private static final Function<WorkflowDefinition, Map<String, Object>> NO_CONTEXT = w -> Map.of();

    /** Scalars chosen to collide: equal numbers in different Java forms, and look-alikes that must not be equal. */
    private static final List<Object> SCALARS = List.of(
            100L, 100.0, "100", 100.5, 7L, 7.0, 0L, -0.0, "paid", "new", "", true, false,
            new BigInteger("10000000000000000000"), 1e19, new BigDecimal("100.5"), new BigDecimal("100.00"));
    private static final List<Object> NUMBERS = only(v -> v instanceof Number);
    private static final List<Object> STRINGS = only(v -> v instanceof String);
    private static final List<Object> ORDERABLE = only(v -> v instanceof Number || v instanceof String);
    private static final int CASES = 2000;

    private final ConditionEvaluator evaluator = new ConditionEvaluator(null);

    /** What a generated workflow is made of; ids are given in list order so counterexamples read well. */
    record Spec(String tenant, boolean enabled, boolean hasTrigger, String entityType, Set<Operation> operations,
                List<String> fieldTriggers, List<Condition> conditions) {
    }

    @Test
    void indexed_matching_selects_exactly_what_naive_matching_selects() {
        RandomCases.run(CASES, r -> check(workflowSet(r), eventList(r)));
    }

    private void check(List<Spec> specs, List<EntityEvent> events) {
        List<WorkflowDefinition> workflows = build(specs);
        TriggerIndex index = TriggerIndex.build(workflows);
        Matcher matcher = new Matcher(index, evaluator);
        NaiveMatcher naive = new NaiveMatcher(workflows, evaluator);

        for (EntityEvent event : events) {
            List<WorkflowDefinition> expected = naive.matching(event, NO_CONTEXT);
            List<WorkflowDefinition> candidates = index.candidates(event);
            List<WorkflowDefinition> actual = matcher.matching(event, NO_CONTEXT);

            assertThat(identitySet(candidates)).as("candidates have no duplicates for %s", event)
                    .hasSize(candidates.size());
            assertThat(identitySet(candidates)).as("candidates include every naive match for %s", event)
                    .containsAll(identitySet(expected));
            assertThat(candidates).as("every candidate is enabled, of the event's tenant, and its trigger fires")
                    .allMatch(w -> w.enabled() && (w.tenant() == null || w.tenant().equals(event.tenant()))
                            && w.trigger().fires(event));
            assertThat(identitySet(actual)).as("matching has no duplicates").hasSize(actual.size());
            assertThat(identitySet(actual)).as("indexed matches for %s", event)
                    .isEqualTo(identitySet(expected));
            List<WorkflowDefinition> passed = matcher.evaluate(event, NO_CONTEXT).stream()
                    .filter(c -> c.outcome().passed()).map(Matcher.Candidate::workflow).toList();
            assertThat(identitySet(passed)).as("evaluate agrees with matching").isEqualTo(identitySet(actual));
        }
    }

    static List<WorkflowDefinition> build(List<Spec> specs) {
        List<WorkflowDefinition> out = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            EntityTrigger trigger = s.hasTrigger()
                    ? new EntityTrigger(s.entityType(), s.operations(), s.fieldTriggers()) : null;
            out.add(new WorkflowDefinition("w" + i, "w" + i, null, s.tenant(), s.enabled(), 1, trigger,
                    s.conditions(), ConditionOrder.cheapestFirst(s.conditions()), List.of(), WorkflowSettings.DEFAULT,
                    Map.of()));
        }
        return out;
    }

    static Set<WorkflowDefinition> identitySet(List<WorkflowDefinition> list) {
        Set<WorkflowDefinition> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(list);
        return set;
    }

    // ---- workflows

    private static List<Spec> workflowSet(RandomCases r) {
        // Uniform sizes up to 200: big sets are where buckets fill up.
        return r.listOf(1, 200, () -> spec(r));
    }

    private static Spec spec(RandomCases r) {
        String tenant = switch (r.frequency(3, 2, 1)) {
            case 0 -> null;
            case 1 -> "t1";
            default -> "t2";
        };
        boolean enabled = r.frequency(9, 1) == 0;
        boolean hasTrigger = r.frequency(30, 1) == 0;
        String entityType = r.oneOf(ENTITY_TYPES);
        Set<Operation> operations = r.subset(OPERATIONS, 1);
        List<String> fieldTriggers = r.frequency(1, 1) == 0 ? List.of() : r.listOf(1, 3, () -> r.oneOf(FIELDS));
        List<Condition> conditions = r.listOf(0, 4, () -> condition(r, 2));
        return new Spec(tenant, enabled, hasTrigger, entityType, operations, fieldTriggers, conditions);
    }

    private static Condition condition(RandomCases r, int depth) {
        if (depth == 0) {
            return field(r);
        }
        return switch (r.frequency(8, 1, 1, 1)) {
            case 0 -> field(r);
            case 1 -> new AllOf("all", r.listOf(0, 3, () -> condition(r, depth - 1)));
            case 2 -> new AnyOf("any", r.listOf(0, 3, () -> condition(r, depth - 1)));
            default -> new Not("not", condition(r, depth - 1));
        };
    }

    private static Condition field(RandomCases r) {
        String field = r.oneOf(FIELDS);
        return switch (r.frequency(6, 3, 2, 1, 2)) {
            case 0 -> cond(field, r.oneOf(List.of(Operator.EQ, Operator.NE, Operator.CHANGED_TO,
                    Operator.CHANGED_FROM, Operator.CONTAINS)), operand(r));
            case 1 -> cond(field, r.oneOf(List.of(Operator.IN, Operator.NOT_IN)),
                    r.listOf(1, 3, () -> r.frequency(9, 1) == 0 ? scalar(r) : null));
            case 2 -> cond(field, r.oneOf(List.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE)),
                    r.oneOf(ORDERABLE));
            case 3 -> cond(field, Operator.BETWEEN, comparablePair(r));
            default -> cond(field, r.oneOf(List.of(Operator.EXISTS, Operator.IS_NULL, Operator.CHANGED)), null);
        };
    }

    private static Condition cond(String field, Operator op, Object value) {
        return new FieldCondition("c", FieldPath.of(field), op, value, null);
    }

    /** Mostly scalars; now and then a list or map, which eq may compare against but the index must not hash. */
    private static Object operand(RandomCases r) {
        return switch (r.frequency(12, 1, 1)) {
            case 0 -> scalar(r);
            case 1 -> r.listOf(0, 2, () -> scalar(r));
            default -> Map.of("vip", true);
        };
    }

    private static Object scalar(RandomCases r) {
        return r.oneOf(SCALARS);
    }

    private static Object comparablePair(RandomCases r) {
        List<Object> pool = r.bool() ? NUMBERS : STRINGS;
        return List.of(r.oneOf(pool), r.oneOf(pool));
    }

    private static List<Object> only(Predicate<Object> kind) {
        return SCALARS.stream().filter(kind).toList();
    }

    // ---- events

    private static List<EntityEvent> eventList(RandomCases r) {
        return r.listOf(1, 8, () -> event(r));
    }

    private static EntityEvent event(RandomCases r) {
        Map<String, Object> before = state(r);
        Map<String, Object> fresh = state(r);
        List<Boolean> which = r.listOf(TOP_FIELDS.size() + 1, TOP_FIELDS.size() + 1, r::bool);
        Set<String> changed = r.frequency(3, 1) == 0 ? null : r.subset(FIELDS, 0);
        return EntityEvent.builder()
                .eventId("e").tenant(r.oneOf(EVENT_TENANTS)).entityType(r.oneOf(ENTITY_TYPES)).entityId("1")
                .operation(r.oneOf(OPERATIONS))
                .previous(before).data(mix(before, fresh, which)).changedFields(changed)
                .build();
    }

    /** The state after: each field kept from before or taken from a fresh draw, so updates change a few fields. */
    private static Map<String, Object> mix(Map<String, Object> before, Map<String, Object> fresh, List<Boolean> which) {
        Map<String, Object> after = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(TOP_FIELDS);
        keys.add("customer");
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> from = which.get(i) ? fresh : before;
            String k = keys.get(i);
            if (from.containsKey(k)) {
                after.put(k, from.get(k));
            }
        }
        return after;
    }

    private static Map<String, Object> state(RandomCases r) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "status", value(r));
        put(m, "total", value(r));
        put(m, "flag", value(r));
        put(m, "customer", switch (r.frequency(2, 1, 5)) {
            case 0 -> FieldPath.ABSENT;
            case 1 -> value(r);
            default -> customerWithVip(value(r));
        });
        return m;
    }

    private static Object value(RandomCases r) {
        return switch (r.frequency(2, 1, 8, 1)) {
            case 0 -> FieldPath.ABSENT;
            case 1 -> null;
            case 2 -> scalar(r);
            default -> r.listOf(0, 2, () -> scalar(r));
        };
    }

    private static Object customerWithVip(Object vip) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 1L);
        put(m, "vip", vip);
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != FieldPath.ABSENT) {
            m.put(key, value);
        }
    }
}
