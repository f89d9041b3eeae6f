package dev.flowline.server.metrics;

import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finished executions per tenant since start, succeeded and failed. Bounded: after {@value #MAX_TENANTS} tenants,
 * further ones are counted under {@value #OTHER}. Thread-safe.
 */
public final class TenantCounts {

    static final int MAX_TENANTS = 1000;
    static final String OTHER = "(other tenants)";

    /** One tenant's counts. */
    public record Tenant(String tenant, long succeeded, long failed) {
        public long total() {
            return succeeded + failed;
        }
    }

    private record Counts(LongAdder succeeded, LongAdder failed) {
    }

    private final Map<String, Counts> counts = new ConcurrentHashMap<>();

    public void record(ExecutionRecord r) {
        String tenant = counts.containsKey(r.tenant()) || counts.size() < MAX_TENANTS ? r.tenant() : OTHER;
        Counts c = counts.computeIfAbsent(tenant, t -> new Counts(new LongAdder(), new LongAdder()));
        (r.status() == ExecutionStatus.FAILED ? c.failed() : c.succeeded()).increment();
    }

    /** The {@code limit} busiest tenants, busiest first. */
    public List<Tenant> top(int limit) {
        List<Tenant> all = new ArrayList<>();
        counts.forEach((t, c) -> all.add(new Tenant(t, c.succeeded().sum(), c.failed().sum())));
        all.sort(Comparator.comparingLong(Tenant::total).reversed().thenComparing(Tenant::tenant));
        return all.subList(0, Math.min(limit, all.size()));
    }
}
