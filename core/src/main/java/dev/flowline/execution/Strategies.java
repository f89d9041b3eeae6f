package dev.flowline.execution;

/**
 * Which of the guide's strategies the engine applies; every one is on by default. Turning them off gives the guide's
 * "Bad" forms, which the benchmarks measure Flowline against. Immutable.
 *
 * @param triggerIndex      find candidate workflows through the trigger index (off: check every workflow's trigger)
 * @param orderedConditions evaluate conditions cheapest first (off: in the order written)
 * @param parallelActions   run independent actions at once as the workflow's settings allow (off: one at a time)
 */
record Strategies(boolean triggerIndex, boolean orderedConditions, boolean parallelActions) {

    static final Strategies DEFAULT = new Strategies(true, true, true);
}
