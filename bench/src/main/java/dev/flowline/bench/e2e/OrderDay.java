package dev.flowline.bench.e2e;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The case study's orders and their lifecycle: each order is created, gets a note (noise), is paid, is viewed
 * (noise), ships and is delivered: {@value #EVENTS_PER_ORDER} events, of which the noise updates trigger nothing.
 * Event ids are {@code <prefix><order>-<step>}, so a result can be traced back to its event without a map.
 * Stateless and thread-safe; every value derives from the order number.
 */
final class OrderDay {

    static final int EVENTS_PER_ORDER = 6;
    static final int CUSTOMERS = 20_000;
    private static final String[] COUNTRIES = {"DE", "FR", "NL", "IT", "ES", "PL", "SE", "AT", "BE", "DK"};

    private final String prefix;

    /** @param prefix distinguishes the orders of one phase from another's (ids must be unique per store) */
    OrderDay(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** The event of {@code step} (0 to 5) of order {@code n}. */
    EntityEvent event(int n, int step) {
        String id = prefix + n;
        Map<String, Object> before = state(n, step - 1);
        Map<String, Object> after = state(n, step);
        EntityEvent.Builder b = EntityEvent.builder().eventId(id + "-" + step).entityType("order").entityId(id);
        return step == 0 ? b.operation(Operation.CREATE).data(after).build()
                : b.operation(Operation.UPDATE).previous(before).data(after).build();
    }

    /** The position of an event in the generated sequence, from its id; -1 for an id that is not ours. */
    long index(String eventId) {
        if (eventId == null || !eventId.startsWith(prefix)) {
            return -1;
        }
        int dash = eventId.lastIndexOf('-');
        long n = Long.parseLong(eventId, prefix.length(), dash, 10);
        return n * EVENTS_PER_ORDER + (eventId.charAt(dash + 1) - '0');
    }

    private Map<String, Object> state(int n, int step) {
        long h = mix(n);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", prefix + n);
        m.put("customer_id", "c-" + Math.floorMod(h, CUSTOMERS));
        m.put("total", 10 + Math.floorMod(h >>> 16, 990));
        m.put("country", COUNTRIES[(int) Math.floorMod(h >>> 32, COUNTRIES.length)]);
        m.put("channel", (h >>> 40 & 1) == 0 ? "web" : "app");
        m.put("status", step < 2 ? "new" : step < 4 ? "paid" : step < 5 ? "shipped" : "delivered");
        m.put("payment_state", step < 2 ? "pending" : "captured");
        m.put("note", step >= 1 ? "leave it at the door" : "");
        m.put("last_viewed", step >= 3 ? "2026-11-26T10:00:00Z" : "");
        return m;
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb93fe53a87cdL;
        return x ^ (x >>> 33);
    }
}
