package dev.flowline.server.intake;

/**
 * Told about every intake decision, for metrics. Implementations must be thread-safe and quick: they run on the
 * request thread.
 */
public interface IntakeListener {

    /** A listener that ignores everything. */
    IntakeListener NONE = new IntakeListener() {
        @Override
        public void accepted(int events, int duplicates) {
        }

        @Override
        public void rejected(String reason, int events) {
        }
    };

    /**
     * Events were durably accepted.
     *
     * @param events     events acknowledged, duplicates included
     * @param duplicates how many of them had been accepted before
     */
    void accepted(int events, int duplicates);

    /**
     * Events were refused.
     *
     * @param reason {@code invalid} (bad input) or {@code overloaded} (backlog or store queue full)
     * @param events how many events the request held (1 when the body was not even parseable)
     */
    void rejected(String reason, int events);
}
