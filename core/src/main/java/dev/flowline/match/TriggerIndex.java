package dev.flowline.match;

import dev.flowline.condition.Condition;
import dev.flowline.condition.FieldCondition;
import dev.flowline.condition.Operator;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.value.FieldPath;
import dev.flowline.value.Values;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the workflows an event could trigger without looking at the others.
 *
 * <p>Workflows are bucketed by tenant, entity type and operation. Inside a bucket a workflow with a top-level
 * {@code eq} or {@code in} condition is hash-indexed by that field's value, so thousands of {@code status eq X}
 * workflows cost one lookup; otherwise an update workflow with field triggers is indexed by each watched field;
 * the rest are always candidates. {@link #candidates} returns exactly the workflows whose trigger fires and whose
 * indexed condition holds; their remaining conditions are still to be evaluated. Immutable and thread-safe.
 */
public final class TriggerIndex {

    private final Map<BucketKey, Bucket> byTenant;
    private final Map<BucketKey, Bucket> anyTenant;
    private final int size;

    /** Bucket key; {@code tenant} is null in {@code anyTenant}, for workflows that apply to every tenant. */
    private record BucketKey(String tenant, String entityType, Operation operation) {
    }

    private final List<WorkflowDefinition> workflows;

    private TriggerIndex(Map<BucketKey, Bucket> byTenant, Map<BucketKey, Bucket> anyTenant, int size,
                         List<WorkflowDefinition> workflows) {
        this.byTenant = byTenant;
        this.anyTenant = anyTenant;
        this.size = size;
        this.workflows = workflows;
    }

    /** Indexes the enabled workflows of {@code workflows}. */
    public static TriggerIndex build(Collection<WorkflowDefinition> workflows) {
        Map<BucketKey, Bucket> byTenant = new HashMap<>();
        Map<BucketKey, Bucket> anyTenant = new HashMap<>();
        int n = 0;
        for (WorkflowDefinition w : workflows) {
            if (!w.enabled() || w.trigger() == null) {
                continue;
            }
            n++;
            Map<BucketKey, Bucket> buckets = w.tenant() == null ? anyTenant : byTenant;
            for (Operation op : w.trigger().operations()) {
                buckets.computeIfAbsent(new BucketKey(w.tenant(), w.trigger().entityType(), op), k -> new Bucket())
                        .add(w, op);
            }
        }
        return new TriggerIndex(Map.copyOf(byTenant), Map.copyOf(anyTenant), n, List.copyOf(workflows));
    }

    /** The workflows the index was built from (enabled or not). */
    public List<WorkflowDefinition> workflows() {
        return workflows;
    }

    /** Number of enabled workflows indexed. */
    public int size() {
        return size;
    }

    /** Workflows whose trigger fires for the event and whose indexed condition (if any) holds. */
    public List<WorkflowDefinition> candidates(EntityEvent event) {
        List<WorkflowDefinition> out = new ArrayList<>();
        Bucket own = byTenant.get(new BucketKey(event.tenant(), event.entityType(), event.operation()));
        if (own != null) {
            own.collect(event, out);
        }
        Bucket shared = anyTenant.get(new BucketKey(null, event.entityType(), event.operation()));
        if (shared != null) {
            shared.collect(event, out);
        }
        return out;
    }

    /** A top-level eq/in condition on a scalar value, usable as a hash key; null when there is none. */
    static FieldCondition indexable(List<Condition> plan) {
        for (Condition c : plan) {
            if (c instanceof FieldCondition f) {
                if (f.operator() == Operator.EQ && Values.indexKey(f.value()) != null) {
                    return f;
                }
                if (f.operator() == Operator.IN && f.value() instanceof List<?> l && !l.isEmpty()
                        && l.stream().allMatch(v -> Values.indexKey(v) != null)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The workflows of one (tenant, entity type, operation). Mutable while building, then only read. */
    private static final class Bucket {
        private final List<WorkflowDefinition> always = new ArrayList<>();
        private final Map<String, List<WorkflowDefinition>> byChangedField = new HashMap<>();
        private final Map<FieldPath, Map<Object, List<WorkflowDefinition>>> byValue = new HashMap<>();

        void add(WorkflowDefinition w, Operation op) {
            FieldCondition key = indexable(w.plan());
            if (key != null) {
                Map<Object, List<WorkflowDefinition>> values = byValue.computeIfAbsent(key.field(), f -> new HashMap<>());
                List<?> operands = key.operator() == Operator.IN ? (List<?>) key.value() : List.of(key.value());
                Set<Object> seen = new java.util.HashSet<>();
                for (Object operand : operands) {
                    Object k = Values.indexKey(operand);
                    if (seen.add(k)) {
                        values.computeIfAbsent(k, x -> new ArrayList<>()).add(w);
                    }
                }
            } else if (op == Operation.UPDATE && !w.trigger().fieldTriggers().isEmpty()) {
                for (String f : Set.copyOf(w.trigger().fieldTriggers())) {
                    byChangedField.computeIfAbsent(f, x -> new ArrayList<>()).add(w);
                }
            } else {
                always.add(w);
            }
        }

        void collect(EntityEvent event, List<WorkflowDefinition> out) {
            out.addAll(always);
            if (!byChangedField.isEmpty()) {
                collectByChangedField(event, out);
            }
            if (!byValue.isEmpty()) {
                Map<String, Object> subject = event.subject();
                for (Map.Entry<FieldPath, Map<Object, List<WorkflowDefinition>>> e : byValue.entrySet()) {
                    Object v = e.getKey().read(subject);
                    Object k = v == FieldPath.ABSENT ? null : Values.indexKey(v);
                    if (k == null) {
                        continue;
                    }
                    List<WorkflowDefinition> hits = e.getValue().get(k);
                    if (hits != null) {
                        for (WorkflowDefinition w : hits) {
                            if (w.trigger().fires(event)) {
                                out.add(w);
                            }
                        }
                    }
                }
            }
        }

        private void collectByChangedField(EntityEvent event, List<WorkflowDefinition> out) {
            Set<String> changed = event.changedFields();
            Map<WorkflowDefinition, Boolean> seen = null;
            int hitLists = 0;
            int start = out.size();
            // Iterate the smaller side: few changed fields against many watched ones, or the reverse.
            if (changed.size() <= byChangedField.size()) {
                for (String f : changed) {
                    List<WorkflowDefinition> hits = byChangedField.get(f);
                    if (hits != null) {
                        hitLists++;
                        out.addAll(hits);
                    }
                }
            } else {
                for (Map.Entry<String, List<WorkflowDefinition>> e : byChangedField.entrySet()) {
                    if (changed.contains(e.getKey())) {
                        hitLists++;
                        out.addAll(e.getValue());
                    }
                }
            }
            if (hitLists > 1) {
                // A workflow watching several changed fields was added once per field; keep its first occurrence.
                seen = new IdentityHashMap<>();
                int write = start;
                for (int read = start; read < out.size(); read++) {
                    WorkflowDefinition w = out.get(read);
                    if (seen.put(w, Boolean.TRUE) == null) {
                        out.set(write++, w);
                    }
                }
                out.subList(write, out.size()).clear();
            }
        }
    }
}
