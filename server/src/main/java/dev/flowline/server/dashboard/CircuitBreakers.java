package dev.flowline.server.dashboard;

import dev.flowline.execution.Engine;

import java.util.Map;
import java.util.TreeMap;

/** The engine's circuit-breaker states (host to state) for the health page. Thread-safe. */
final class CircuitBreakers {

    private final Engine engine;

    CircuitBreakers(Engine engine) {
        this.engine = engine;
    }

    /** Host to state ({@code closed}, {@code open}, {@code half_open}), sorted by host; empty when none. */
    Map<String, String> states() {
        return new TreeMap<>(engine.circuitBreakerStates());
    }
}
