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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trigger index selects exactly what the naive matcher selects, over random workflow sets and events whose
 * values collide often ({@code 100}, {@code 100.0} and {@code "100"}; {@code 0} and {@code -0.0}; a big integer
 * and the double of the same value; a BigDecimal, as expressions produce, and the equal double).
 */
class TriggerIndexProperties {

    private static final List<String> ENTITY_TYPES = List.of("order", "ticket");
    private static final List<String> EVENT_TENANTS = List.of("t1", "t2", EntityEvent.DEFAULT_TENANT);
    private static final List<String> FIELDS = List.of("status", "total", "flag", "customer", "customer.vip");
    private static final List<String> TOP_FIELDS = List.of("status", "total", "flag");
    private static final Function<WorkflowDefinition, Map<String, Object>> NO_CONTEXT = w -> Map.of();

    /** Scalars chosen to collide: equal numbers in different Java forms, and look-alikes that must not be equal. */
    private static final List<Object> SCALARS = List.of(
            100L, 100.0, "100", 100.5, 7L, 7.0, 0L, -0.0, "paid", "new", "", true, false,
            new BigInteger("10000000000000000000"), 1e19, new BigDecimal("100.5"), new BigDecimal("100.00"));

    private final ConditionEvaluator evaluator = new ConditionEvaluator(null);

    /** What a generated workflow is made of; ids are given in list order so counterexamples read well. */
    record Spec(String tenant, boolean enabled, boolean hasTrigger, String entityType, Set<Operation> operations,
                List<String> fieldTriggers, List<Condition> conditions) {
    }

    @Property(tries = 2000)
    void indexed_matching_selects_exactly_what_naive_matching_selects(
            @ForAll("workflowSets") List<Spec> specs, @ForAll("eventLists") List<EntityEvent> events) {
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

    @Provide
    Arbitrary<List<Spec>> workflowSets() {
        // Uniform sizes: jqwik's default favours short lists, and big sets are where buckets fill up.
        return spec().list().ofMinSize(1).ofMaxSize(200).withSizeDistribution(RandomDistribution.uniform());
    }

    private Arbitrary<Spec> spec() {
        Arbitrary<String> tenant = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just((String) null)),
                Tuple.of(2, Arbitraries.just("t1")),
                Tuple.of(1, Arbitraries.just("t2")));
        Arbitrary<Boolean> enabled = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
        Arbitrary<Boolean> hasTrigger = Arbitraries.frequency(Tuple.of(30, true), Tuple.of(1, false));
        Arbitrary<Set<Operation>> operations = Arbitraries.subsetOf(Operation.values()).ofMinSize(1);
        Arbitrary<List<String>> fieldTriggers = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(List.<String>of())),
                Tuple.of(1, Arbitraries.of(FIELDS).list().ofMinSize(1).ofMaxSize(3)));
        Arbitrary<List<Condition>> conditions = condition(2).list().ofMaxSize(4);
        return Combinators.combine(tenant, enabled, hasTrigger, Arbitraries.of(ENTITY_TYPES), operations,
                fieldTriggers, conditions).as(Spec::new);
    }

    private Arbitrary<Condition> condition(int depth) {
        if (depth == 0) {
            return field();
        }
        Arbitrary<List<Condition>> children = Arbitraries.lazy(() -> condition(depth - 1)).list().ofMaxSize(3);
        return Arbitraries.frequencyOf(
                Tuple.of(8, field()),
                Tuple.of(1, children.map(c -> (Condition) new AllOf("all", c))),
                Tuple.of(1, children.map(c -> (Condition) new AnyOf("any", c))),
                Tuple.of(1, Arbitraries.lazy(() -> condition(depth - 1)).map(c -> (Condition) new Not("not", c))));
    }

    private Arbitrary<Condition> field() {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<Condition> eqLike = Combinators.combine(field,
                        Arbitraries.of(Operator.EQ, Operator.NE, Operator.CHANGED_TO, Operator.CHANGED_FROM,
                                Operator.CONTAINS),
                        operand())
                .as((f, op, v) -> cond(f, op, v));
        Arbitrary<Condition> inLike = Combinators.combine(field, Arbitraries.of(Operator.IN, Operator.NOT_IN),
                        Arbitraries.frequencyOf(Tuple.of(9, scalar()), Tuple.of(1, Arbitraries.just((Object) null)))
                                .list().ofMinSize(1).ofMaxSize(3))
                .as((f, op, v) -> cond(f, op, v));
        Arbitrary<Condition> ordered = Combinators.combine(field,
                        Arbitraries.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE), orderable())
                .as((f, op, v) -> cond(f, op, v));
        Arbitrary<Condition> between = Combinators.combine(field, comparablePair())
                .as((f, pair) -> cond(f, Operator.BETWEEN, pair));
        Arbitrary<Condition> valueless = Combinators.combine(field,
                        Arbitraries.of(Operator.EXISTS, Operator.IS_NULL, Operator.CHANGED))
                .as((f, op) -> cond(f, op, null));
        return Arbitraries.frequencyOf(
                Tuple.of(6, eqLike), Tuple.of(3, inLike), Tuple.of(2, ordered), Tuple.of(1, between),
                Tuple.of(2, valueless));
    }

    private static Condition cond(String field, Operator op, Object value) {
        return new FieldCondition("c", FieldPath.of(field), op, value, null);
    }

    /** Mostly scalars; now and then a list or map, which eq may compare against but the index must not hash. */
    private static Arbitrary<Object> operand() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, scalar()),
                Tuple.of(1, scalar().list().ofMaxSize(2).map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.just((Object) Map.of("vip", true))));
    }

    private static Arbitrary<Object> scalar() {
        return Arbitraries.of(SCALARS);
    }

    private static Arbitrary<Object> orderable() {
        return scalar().filter(v -> v instanceof Number || v instanceof String);
    }

    private static Arbitrary<Object> comparablePair() {
        Arbitrary<Object> numbers = scalar().filter(v -> v instanceof Number);
        Arbitrary<Object> strings = scalar().filter(v -> v instanceof String);
        return Arbitraries.oneOf(
                Combinators.combine(numbers, numbers).as((a, b) -> (Object) List.of(a, b)),
                Combinators.combine(strings, strings).as((a, b) -> (Object) List.of(a, b)));
    }

    // ---- events

    @Provide
    Arbitrary<List<EntityEvent>> eventLists() {
        return event().list().ofMinSize(1).ofMaxSize(8);
    }

    private Arbitrary<EntityEvent> event() {
        Arbitrary<Map<String, Object>> previous = state();
        Arbitrary<List<Boolean>> redraw = Arbitraries.of(true, false).list().ofSize(TOP_FIELDS.size() + 1);
        Arbitrary<Set<String>> changedFields = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just((Set<String>) null)),
                Tuple.of(1, Arbitraries.subsetOf(FIELDS)));
        return Combinators.combine(Arbitraries.of(EVENT_TENANTS), Arbitraries.of(ENTITY_TYPES),
                        Arbitraries.of(Operation.values()), previous, state(), redraw, changedFields)
                .as((tenant, type, op, before, fresh, which, changed) -> EntityEvent.builder()
                        .eventId("e").tenant(tenant).entityType(type).entityId("1").operation(op)
                        .previous(before).data(mix(before, fresh, which)).changedFields(changed)
                        .build());
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

    private static Arbitrary<Map<String, Object>> state() {
        Arbitrary<Object> value = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(FieldPath.ABSENT)),
                Tuple.of(1, Arbitraries.just((Object) null)),
                Tuple.of(8, scalar()),
                Tuple.of(1, scalar().list().ofMaxSize(2).map(l -> (Object) l)));
        Arbitrary<Object> customer = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(FieldPath.ABSENT)),
                Tuple.of(1, value),
                Tuple.of(5, value.map(TriggerIndexProperties::customerWithVip)));
        return Combinators.combine(value, value, value, customer).as((status, total, flag, cust) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "status", status);
            put(m, "total", total);
            put(m, "flag", flag);
            put(m, "customer", cust);
            return m;
        });
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
