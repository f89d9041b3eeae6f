package dev.flowline.action.internal;

import dev.flowline.action.BreakerSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One Resilience4j circuit breaker per target host ({@code host:port}). Thread-safe. */
final class HostBreakers {

    private final CircuitBreakerRegistry registry;

    HostBreakers(BreakerSettings s) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.windowSize())
                .minimumNumberOfCalls(s.minimumCalls())
                .failureRateThreshold(s.failureRatePercent())
                .waitDurationInOpenState(s.openFor())
                .permittedNumberOfCallsInHalfOpenState(s.halfOpenCalls())
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
    }

    CircuitBreaker forHost(URI uri) {
        return registry.circuitBreaker(host(uri));
    }

    static String host(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    Map<String, String> states() {
        Map<String, String> out = new TreeMap<>();
        for (CircuitBreaker cb : registry.getAllCircuitBreakers()) {
            out.put(cb.getName(), cb.getState().name().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
