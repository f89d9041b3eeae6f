package dev.flowline.condition;

/** Holds when {@code condition} does not (type {@code not}). */
public record Not(String path, Condition condition) implements Condition {

    @Override
    public String describe() {
        return "not (" + condition.describe() + ")";
    }
}
