package dev.flowline.condition;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.value.FieldPath;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for condition tests; maps and lists here may hold nulls, as JSON data can. */
final class Fixtures {

    private Fixtures() {
    }

    /** A map from alternating keys and values; values may be null. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A list that may hold nulls. */
    static List<Object> list(Object... items) {
        return Arrays.asList(items);
    }

    static FieldCondition field(String field, Operator operator, Object value) {
        return new FieldCondition("conditions[0]", FieldPath.of(field), operator, value, null);
    }

    static FieldCondition field(String path, String field, Operator operator, Object value) {
        return new FieldCondition(path, FieldPath.of(field), operator, value, null);
    }

    static FieldCondition matches(String field, String regex) {
        return new FieldCondition("conditions[0]", FieldPath.of(field), Operator.MATCHES, regex,
                java.util.regex.Pattern.compile(regex));
    }

    static EntityEvent create(Map<String, Object> data) {
        return EntityEvent.builder().entityType("order").entityId("1").operation(Operation.CREATE).data(data).build();
    }

    static EntityEvent update(Map<String, Object> previous, Map<String, Object> data) {
        return EntityEvent.builder().entityType("order").entityId("1").operation(Operation.UPDATE)
                .previous(previous).data(data).build();
    }

    static EntityEvent delete(Map<String, Object> previous) {
        return EntityEvent.builder().entityType("order").entityId("1").operation(Operation.DELETE)
                .previous(previous).build();
    }
}
