package dev.flowline.condition;

import java.util.List;

/** Holds when at least one of {@code conditions} holds (type {@code any}). */
public record AnyOf(String path, List<Condition> conditions) implements Condition {

    public AnyOf {
        conditions = List.copyOf(conditions);
    }

    @Override
    public String describe() {
        return "any of " + conditions.size() + " conditions";
    }
}
