package dev.flowline.match;

import dev.flowline.condition.Condition;
import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.condition.FieldCheck;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The matcher's fast path: every workflow's trigger and conditions compiled into flat per-bucket arrays.
 *
 * <p>Workflows are bucketed by (tenant, entity type, operation) like {@link TriggerIndex}. Inside a bucket:
 * <ul>
 *   <li>every field the bucket's conditions read gets a slot, read from the event at most once and only when a
 *       condition needs it (one map lookup, shared by all workflows testing that field);</li>
 *   <li>field triggers become a bit mask over the bucket's watched fields, so "did a watched field change" is one
 *       AND against the event's mask, computed once per event;</li>
 *   <li>a workflow with a top-level {@code eq}/{@code in} condition is found by hashing the event's value (that
 *       condition is then not tested again); the others are scanned, their trigger mask first;</li>
 *   <li>field conditions are {@link FieldCheck}s on the slot's value, and one check shared by many workflows (the
 *       same field, operator and operand) is tested once per event; other conditions (composites, expressions,
 *       queries) go to the {@link ConditionEvaluator} in plan order.</li>
 * </ul>
 * Selects exactly what {@link NaiveMatcher} selects (property-tested). Immutable and thread-safe.
 */
final class CompiledMatcher {

    private static final Bucket[] NO_BUCKETS = new Bucket[Operation.values().length];

    private final Map<String, Map<String, Bucket[]>> byTenant;
    private final Map<String, Bucket[]> anyTenant;

    private CompiledMatcher(Map<String, Map<String, Bucket[]>> byTenant, Map<String, Bucket[]> anyTenant) {
        this.byTenant = byTenant;
        this.anyTenant = anyTenant;
    }

    static CompiledMatcher build(Collection<WorkflowDefinition> workflows) {
        Map<String, Map<String, Map<Operation, List<WorkflowDefinition>>>> byTenant = new HashMap<>();
        Map<String, Map<Operation, List<WorkflowDefinition>>> anyTenant = new HashMap<>();
        for (WorkflowDefinition w : workflows) {
            if (!w.enabled() || w.trigger() == null) {
                continue;
            }
            Map<String, Map<Operation, List<WorkflowDefinition>>> types =
                    w.tenant() == null ? anyTenant : byTenant.computeIfAbsent(w.tenant(), t -> new HashMap<>());
            for (Operation op : w.trigger().operations()) {
                types.computeIfAbsent(w.trigger().entityType(), t -> new HashMap<>())
                        .computeIfAbsent(op, o -> new ArrayList<>()).add(w);
            }
        }
        Map<String, Map<String, Bucket[]>> tenants = new HashMap<>();
        byTenant.forEach((tenant, types) -> tenants.put(tenant, compile(types)));
        return new CompiledMatcher(Map.copyOf(tenants), compile(anyTenant));
    }

    private static Map<String, Bucket[]> compile(Map<String, Map<Operation, List<WorkflowDefinition>>> types) {
        Map<String, Bucket[]> out = new HashMap<>();
        types.forEach((type, ops) -> {
            Bucket[] buckets = new Bucket[Operation.values().length];
            ops.forEach((op, ws) -> buckets[op.ordinal()] = new Bucket(ws, op));
            out.put(type, buckets);
        });
        return Map.copyOf(out);
    }

    /** Appends the workflows whose trigger fires and whose conditions hold, in no particular order. */
    void matching(EntityEvent event, ConditionEvaluator evaluator,
                  Function<WorkflowDefinition, Map<String, Object>> context, List<WorkflowDefinition> out) {
        int op = event.operation().ordinal();
        if (!byTenant.isEmpty()) {
            Map<String, Bucket[]> types = byTenant.get(event.tenant());
            if (types != null) {
                Bucket b = types.getOrDefault(event.entityType(), NO_BUCKETS)[op];
                if (b != null) {
                    b.collect(event, evaluator, context, out);
                }
            }
        }
        Bucket b = anyTenant.getOrDefault(event.entityType(), NO_BUCKETS)[op];
        if (b != null) {
            b.collect(event, evaluator, context, out);
        }
    }

    /** A scanned workflow's range step: Long values in [low, high] pass it. */
    private record RangeEntry(long low, long high, int workflow, int step) {
    }

    /**
     * Workflows found through a range on one slot. Lower-bounded ranges ({@code gt}, {@code gte}, {@code between})
     * are sorted by their low bound, so those that can hold a value v are a prefix (each still checks its high bound);
     * upper-only ranges ({@code lt}, {@code lte}) are sorted by their high bound, so those that hold v are a suffix.
     */
    private static final class RangeGroup {
        final int slot;
        final boolean upperOnly;
        /** The sort key: high bounds when upper-only, else low bounds. */
        final long[] key;
        final long[] high;
        final int[] workflow;
        final int[] step;

        private RangeGroup(int slot, boolean upperOnly, List<RangeEntry> entries) {
            this.slot = slot;
            this.upperOnly = upperOnly;
            List<RangeEntry> sorted = new ArrayList<>(entries);
            sorted.sort(java.util.Comparator.comparingLong(e -> upperOnly ? e.high() : e.low()));
            int n = sorted.size();
            key = new long[n];
            high = new long[n];
            workflow = new int[n];
            step = new int[n];
            for (int k = 0; k < n; k++) {
                RangeEntry e = sorted.get(k);
                key[k] = upperOnly ? e.high() : e.low();
                high[k] = e.high();
                workflow[k] = e.workflow();
                step[k] = e.step();
            }
        }

        static List<RangeGroup> of(int slot, List<RangeEntry> entries) {
            List<RangeEntry> upper = entries.stream().filter(e -> e.low() == Long.MIN_VALUE && e.high() != Long.MAX_VALUE)
                    .toList();
            List<RangeEntry> lower = entries.stream().filter(e -> !upper.contains(e)).toList();
            List<RangeGroup> out = new ArrayList<>(2);
            if (!lower.isEmpty()) {
                out.add(new RangeGroup(slot, false, lower));
            }
            if (!upper.isEmpty()) {
                out.add(new RangeGroup(slot, true, upper));
            }
            return out;
        }
    }

    /** The workflows of one (tenant, entity type, operation), compiled. Immutable after construction. */
    private static final class Bucket {
        /** Marks a slot not read yet for this event (null is a real value: a field that is JSON null). */
        private static final Object UNREAD = new Object();
        private static final Object NULL = new Object();
        private static final int READS_EVENT = -1;
        private static final int OTHER = -2;
        private static final byte PASSED = 1;
        private static final byte FAILED = 2;

        private final WorkflowDefinition[] workflows;
        /** Per workflow: the watched fields as bits; 0 when any change fires it. */
        private final long[] triggerMasks;
        /** Per workflow: whether its field triggers go beyond the 64 bits and need the general check. */
        private final boolean[] wideTrigger;
        /** Workflow i's plan is steps stepStart[i] until stepStart[i + 1] of the arrays below. */
        private final int[] stepStart;
        /** Per step: the slot a field check reads; {@link #READS_EVENT} or {@link #OTHER} when it reads no slot. */
        private final int[] stepSlot;
        /** Per step that is a field check: its number among the bucket's distinct checks; -1 otherwise. */
        private final int[] stepCheck;
        /**
         * The bucket's distinct field checks (same field, operator and operand: one check, however many workflows
         * test it), each evaluated at most once per event.
         */
        private final FieldCheck[] checks;
        /** Per step that is not a field condition: the condition, for the {@link ConditionEvaluator}. */
        private final Condition[] stepOther;
        private final String[] watched;
        private final Map<String, Integer> watchedBit;
        private final FieldPath[] fields;
        /** Per slot: the map key when the path is one segment (the usual case), else null. */
        private final String[] topLevel;
        private final int[] indexedSlots;
        private final Map<Object, int[]>[] indexes;
        private final int[] scanned;
        /** Scanned workflows found through a numeric range instead (see {@link RangeGroup}). */
        private final RangeGroup[] ranges;

        @SuppressWarnings("unchecked")
        Bucket(List<WorkflowDefinition> ws, Operation op) {
            int n = ws.size();
            workflows = ws.toArray(WorkflowDefinition[]::new);
            triggerMasks = new long[n];
            wideTrigger = new boolean[n];
            stepStart = new int[n + 1];
            List<Integer> slotOfStep = new ArrayList<>();
            List<Integer> checkOfStep = new ArrayList<>();
            Map<String, Integer> checkIds = new HashMap<>();
            List<FieldCheck> distinct = new ArrayList<>();
            List<Condition> otherOfStep = new ArrayList<>();
            Map<String, Integer> bits = new LinkedHashMap<>();
            Map<String, Integer> slots = new LinkedHashMap<>();
            List<FieldPath> paths = new ArrayList<>();
            Map<Integer, Map<Object, List<Integer>>> byValue = new LinkedHashMap<>();
            List<Integer> scan = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                WorkflowDefinition w = workflows[i];
                if (op == Operation.UPDATE) {
                    for (String f : w.trigger().fieldTriggers()) {
                        Integer bit = bits.get(f);
                        if (bit == null && bits.size() < 64) {
                            bit = bits.size();
                            bits.put(f, bit);
                        }
                        if (bit == null) {
                            wideTrigger[i] = true;
                        } else {
                            triggerMasks[i] |= 1L << bit;
                        }
                    }
                    if (wideTrigger[i]) {
                        triggerMasks[i] = 0;
                    }
                }
                FieldCondition key = TriggerIndex.indexable(w.plan());
                stepStart[i] = slotOfStep.size();
                for (Condition c : w.plan()) {
                    if (c == key) {
                        continue;
                    }
                    if (c instanceof FieldCondition f) {
                        FieldCheck check = FieldCheck.of(f);
                        slotOfStep.add(check.readsEvent() ? READS_EVENT : slot(slots, paths, f.field()));
                        checkOfStep.add(checkIds.computeIfAbsent(checkKey(f), k -> {
                            distinct.add(check);
                            return distinct.size() - 1;
                        }));
                        otherOfStep.add(null);
                    } else {
                        slotOfStep.add(OTHER);
                        checkOfStep.add(-1);
                        otherOfStep.add(c);
                    }
                }
                stepStart[i + 1] = slotOfStep.size();
                if (key == null) {
                    scan.add(i);
                    continue;
                }
                Map<Object, List<Integer>> values =
                        byValue.computeIfAbsent(slot(slots, paths, key.field()), s -> new HashMap<>());
                List<?> operands = key.operator() == Operator.IN ? (List<?>) key.value() : List.of(key.value());
                Set<Object> seen = new java.util.HashSet<>();
                for (Object operand : operands) {
                    Object k = Values.indexKey(operand);
                    if (seen.add(k)) {
                        values.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
                    }
                }
            }
            stepSlot = slotOfStep.stream().mapToInt(Integer::intValue).toArray();
            stepCheck = checkOfStep.stream().mapToInt(Integer::intValue).toArray();
            checks = distinct.toArray(FieldCheck[]::new);
            stepOther = otherOfStep.toArray(Condition[]::new);
            watched = bits.keySet().toArray(String[]::new);
            watchedBit = Map.copyOf(bits);
            fields = paths.toArray(FieldPath[]::new);
            topLevel = new String[fields.length];
            for (int s = 0; s < fields.length; s++) {
                topLevel[s] = fields[s].segments().size() == 1 ? fields[s].path() : null;
            }
            indexedSlots = new int[byValue.size()];
            indexes = new Map[byValue.size()];
            int k = 0;
            for (Map.Entry<Integer, Map<Object, List<Integer>>> e : byValue.entrySet()) {
                indexedSlots[k] = e.getKey();
                Map<Object, int[]> m = new HashMap<>();
                e.getValue().forEach((value, ids) -> m.put(value, ids.stream().mapToInt(Integer::intValue).toArray()));
                indexes[k++] = m;
            }
            // A scanned workflow whose plan compares a field with a long (gt, gte, lt, lte, between) is found through
            // that comparison: sorted by its bound, only those whose range holds the event's value are visited.
            Map<Integer, List<RangeEntry>> bySlot = new LinkedHashMap<>();
            List<Integer> rest = new ArrayList<>();
            for (int i : scan) {
                RangeEntry entry = null;
                for (int st = stepStart[i]; st < stepStart[i + 1] && entry == null; st++) {
                    long[] range = stepSlot[st] >= 0 ? distinct.get(stepCheck[st]).longRange() : null;
                    if (range != null) {
                        entry = new RangeEntry(range[0], range[1], i, st);
                        bySlot.computeIfAbsent(stepSlot[st], x -> new ArrayList<>()).add(entry);
                    }
                }
                if (entry == null) {
                    rest.add(i);
                }
            }
            List<RangeGroup> groups = new ArrayList<>();
            bySlot.forEach((slot, entries) -> groups.addAll(RangeGroup.of(slot, entries)));
            ranges = groups.toArray(RangeGroup[]::new);
            scanned = rest.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * Identifies a field condition by field, operator and operand, with every value's exact type, so that two
         * conditions with one key always decide alike.
         */
        private static String checkKey(FieldCondition f) {
            StringBuilder sb = new StringBuilder(f.field().path()).append('\u0000').append(f.operator().name())
                    .append('\u0000');
            appendKey(sb, f.value());
            return sb.toString();
        }

        private static void appendKey(StringBuilder sb, Object v) {
            if (v instanceof List<?> list) {
                sb.append('[');
                for (Object o : list) {
                    appendKey(sb, o);
                    sb.append(',');
                }
                sb.append(']');
            } else if (v instanceof Map<?, ?> map) {
                sb.append('{');
                new java.util.TreeMap<>(map.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        e -> String.valueOf(e.getKey()), Map.Entry::getValue))).forEach((k, x) -> {
                            sb.append(k.length()).append(':').append(k).append('=');
                            appendKey(sb, x);
                            sb.append(',');
                        });
                sb.append('}');
            } else if (v == null) {
                sb.append("null");
            } else {
                String text = v.toString();
                sb.append(v.getClass().getName()).append(':').append(text.length()).append(':').append(text);
            }
        }

        private static int slot(Map<String, Integer> slots, List<FieldPath> paths, FieldPath field) {
            Integer s = slots.get(field.path());
            if (s == null) {
                s = paths.size();
                slots.put(field.path(), s);
                paths.add(field);
            }
            return s;
        }

        void collect(EntityEvent event, ConditionEvaluator evaluator,
                     Function<WorkflowDefinition, Map<String, Object>> context, List<WorkflowDefinition> out) {
            Object[] values = new Object[fields.length];
            java.util.Arrays.fill(values, UNREAD);
            byte[] results = new byte[checks.length]; // per distinct check: 0 not tested yet, PASSED or FAILED
            Map<String, Object> subject = event.subject();
            long changed = watched.length == 0 ? 0 : changedMask(event.changedFields());
            for (int k = 0; k < indexedSlots.length; k++) {
                Object v = value(values, indexedSlots[k], subject);
                Object key = v == FieldPath.ABSENT ? null : Values.indexKey(v);
                if (key == null) {
                    continue;
                }
                int[] hits = indexes[k].get(key);
                if (hits != null) {
                    for (int i : hits) {
                        if (holds(i, -1, event, changed, values, results, subject, evaluator, context)) {
                            out.add(workflows[i]);
                        }
                    }
                }
            }
            for (int i : scanned) {
                if (holds(i, -1, event, changed, values, results, subject, evaluator, context)) {
                    out.add(workflows[i]);
                }
            }
            for (RangeGroup g : ranges) {
                Object v = value(values, g.slot, subject);
                int from = 0;
                int to = g.workflow.length;
                int skip = -1;
                if (v instanceof Long l) {
                    // only the entries whose range can hold v; their range step is then known to pass
                    if (g.upperOnly) {
                        from = firstAtLeast(g.key, l); // sorted by high: those with high >= v
                    } else {
                        to = firstAbove(g.key, l); // sorted by low: those with low <= v
                    }
                }
                for (int k = from; k < to; k++) {
                    int i = g.workflow[k];
                    if (v instanceof Long l) {
                        if (!g.upperOnly && g.high[k] < l) {
                            continue;
                        }
                        skip = g.step[k];
                    }
                    if (holds(i, skip, event, changed, values, results, subject, evaluator, context)) {
                        out.add(workflows[i]);
                    }
                }
            }
        }

        /** The first index whose key is at least {@code v} (keys sorted ascending). */
        private static int firstAtLeast(long[] keys, long v) {
            int lo = 0;
            int hi = keys.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (keys[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The first index whose key is above {@code v} (keys sorted ascending). */
        private static int firstAbove(long[] keys, long v) {
            return v == Long.MAX_VALUE ? keys.length : firstAtLeast(keys, v + 1);
        }

        private long changedMask(Set<String> changed) {
            long mask = 0;
            if (changed.size() <= watched.length) {
                for (String f : changed) {
                    Integer bit = watchedBit.get(f);
                    if (bit != null) {
                        mask |= 1L << bit;
                    }
                }
            } else {
                for (int b = 0; b < watched.length; b++) {
                    if (changed.contains(watched[b])) {
                        mask |= 1L << b;
                    }
                }
            }
            return mask;
        }

        /** Whether workflow {@code i} fires and its conditions hold; step {@code skip} (if not -1) is known to pass. */
        private boolean holds(int i, int skip, EntityEvent event, long changed, Object[] values, byte[] results,
                              Map<String, Object> subject, ConditionEvaluator evaluator,
                              Function<WorkflowDefinition, Map<String, Object>> context) {
            long mask = triggerMasks[i];
            if (mask != 0 && (mask & changed) == 0) {
                return false;
            }
            if (wideTrigger[i] && !workflows[i].trigger().fires(event)) {
                return false;
            }
            Map<String, Object>[] built = null; // the workflow's template context, built at most once
            for (int s = stepStart[i], end = stepStart[i + 1]; s < end; s++) {
                if (s == skip) {
                    continue;
                }
                int slot = stepSlot[s];
                boolean ok;
                if (slot != OTHER) {
                    int id = stepCheck[s];
                    byte r = results[id];
                    if (r == 0) {
                        FieldCheck check = checks[id];
                        boolean passed = slot == READS_EVENT ? check.test(event) : check.test(value(values, slot, subject));
                        r = passed ? PASSED : FAILED;
                        results[id] = r;
                    }
                    ok = r == PASSED;
                } else {
                    WorkflowDefinition w = workflows[i];
                    @SuppressWarnings("unchecked")
                    Map<String, Object>[] holder = built != null ? built : (built = new Map[1]);
                    ok = evaluator.test(stepOther[s], event, () -> {
                        if (holder[0] == null) {
                            holder[0] = context.apply(w);
                        }
                        return holder[0];
                    });
                }
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private Object value(Object[] values, int slot, Map<String, Object> subject) {
            Object v = values[slot];
            if (v == UNREAD) {
                String name = topLevel[slot];
                if (name != null) {
                    v = subject.get(name);
                    if (v == null) {
                        v = subject.containsKey(name) ? NULL : FieldPath.ABSENT;
                    }
                } else {
                    v = fields[slot].read(subject);
                    if (v == null) {
                        v = NULL;
                    }
                }
                values[slot] = v;
            }
            return v == NULL ? null : v;
        }
    }
}
