package dev.flowline.bench.jmh;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.EventParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH: parsing and validating one ~500-byte entity event from JSON (Jackson tree, then Flowline's checks). */
@State(Scope.Thread)
public class EventParseBenchmarks {

    static final String EVENT = """
            {"event_id":"e-1001","tenant":"shop-eu","entity_type":"order","entity_id":"o-1001","operation":"update",\
            "occurred_at":"2026-11-26T10:15:30.000Z",\
            "previous":{"id":"o-1001","status":"new","payment_state":"pending","total":120.5,"currency":"EUR",\
            "country":"DE","channel":"web","customer":{"id":"c-7","vip":false,"segment":"retail"},"lines":3},\
            "data":{"id":"o-1001","status":"paid","payment_state":"captured","total":120.5,"currency":"EUR",\
            "country":"DE","channel":"web","customer":{"id":"c-7","vip":false,"segment":"retail"},"lines":3}}""";

    private EventParser parser;

    @Setup
    public void setUp() {
        parser = new EventParser();
    }

    @Benchmark
    public EntityEvent parse() {
        return parser.parse(EVENT);
    }
}
