package dev.flowline.store;

/** H2 2.x (the embedded default): every {@link Dialect} default as it is. Stateless and thread-safe. */
public final class H2Dialect implements Dialect {

    @Override
    public String name() {
        return "h2";
    }
}
