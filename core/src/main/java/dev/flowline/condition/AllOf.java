package dev.flowline.condition;

import java.util.List;

/** Holds when every one of {@code conditions} holds (type {@code all}). */
public record AllOf(String path, List<Condition> conditions) implements Condition {

    public AllOf {
        conditions = List.copyOf(conditions);
    }

    @Override
    public String describe() {
        return "all of " + conditions.size() + " conditions";
    }
}
