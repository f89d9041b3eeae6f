package dev.flowline.server.metrics;

/**
 * The system's state at one moment, one point of each health chart.
 *
 * @param epochSeconds        when it was taken
 * @param executionsPerSecond executions finished per second since the previous sample
 * @param eventsPerSecond     events accepted per second since the previous sample
 * @param queueDepth          accepted events not yet processed
 * @param inFlight            events in the engine
 * @param p50Ms               median execution time since the previous sample, or null when none finished
 * @param p95Ms               95th percentile, or null
 * @param p99Ms               99th percentile, or null
 * @param workerUtilisation   events in the engine / the most it takes at once (0 to 1)
 * @param poolUtilisation     active / maximum connections of the application database pool, or null without one
 * @param heapUsedMb          JVM heap in use, MiB
 * @param heapMaxMb           JVM heap limit, MiB
 * @param processCpu          this process's CPU load (0 to 1), or null when the JVM cannot tell
 * @param systemCpu           the machine's CPU load (0 to 1), or null
 */
public record HealthSample(long epochSeconds, double executionsPerSecond, double eventsPerSecond, long queueDepth,
                           long inFlight, Double p50Ms, Double p95Ms, Double p99Ms, double workerUtilisation,
                           Double poolUtilisation, double heapUsedMb, double heapMaxMb, Double processCpu,
                           Double systemCpu) {
}
