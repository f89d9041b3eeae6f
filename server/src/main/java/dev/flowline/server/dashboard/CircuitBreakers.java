package dev.flowline.server.dashboard;

import dev.flowline.execution.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's circuit-breaker states (host to state), when the engine has them.
 *
 * <p>{@code Engine.circuitBreakerStates()} arrives with the action-delivery work (issue 4) while the dashboard is
 * built in parallel; until both are merged it is looked up reflectively, once, so the health page shows the states
 * as soon as the method exists and "none yet" before. Replace with a direct call once both are on main.
 * Thread-safe.
 */
final class CircuitBreakers {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakers.class);

    private final Engine engine;
    private final Method states;

    CircuitBreakers(Engine engine) {
        this.engine = engine;
        Method m;
        try {
            m = Engine.class.getMethod("circuitBreakerStates");
        } catch (NoSuchMethodException e) {
            m = null;
        }
        this.states = m;
    }

    /** Host to state ({@code closed}, {@code open}, {@code half_open}), sorted by host; empty when none. */
    Map<String, String> states() {
        if (states == null) {
            return Map.of();
        }
        try {
            Object result = states.invoke(engine);
            Map<String, String> out = new TreeMap<>();
            if (result instanceof Map<?, ?> map) {
                map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v).toLowerCase(java.util.Locale.ROOT)));
            }
            return out;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot read circuit-breaker states: {}", e.toString());
            return Map.of();
        }
    }
}
