package dev.flowline.bench.strategies;

import dev.flowline.bench.Interleaved;
import dev.flowline.bench.Report;
import dev.flowline.condition.Condition;
import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.condition.QueryConditionRunner;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.template.TemplateEngine;
import org.h2.jdbcx.JdbcDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntUnaryOperator;

/**
 * {@code flowline bench conditions}: the guide's early-exit example. A workflow whose conditions are written the
 * guide's "Bad" way (an expensive {@code query} first, then a cheap, selective field test), evaluated in written order
 * and in Flowline's order (cheapest first), with the query's result cache off and on; all four interleaved.
 */
@Command(name = "conditions", mixinStandardHelpOptions = true,
        description = "Condition ordering (written vs cheapest first) and query caching (off vs on).")
public final class ConditionsBenchmark implements Callable<Integer> {

    private static final String DEFINITION = """
            {"id": "early-exit", "entity_type": "account", "operations": ["update"],
             "conditions": [
               {"type": "query", "sql": "select count(*) > 0 from orders where customer_id = :cid and total > 100",
                "params": {"cid": "{{ entity.customer_id }}"}, "cache_ttl_seconds": TTL},
               {"type": "field", "field": "status", "operator": "eq", "value": "active"}],
             "actions": [{"id": "a", "type": "set", "values": {"x": 1}}]}""";

    @Option(names = "--events", description = "Generated events (default ${DEFAULT-VALUE}).")
    int events = 20_000;

    @Option(names = "--active-percent", description = "Events passing the cheap field test (default ${DEFAULT-VALUE}).")
    int activePercent = 10;

    @Option(names = "--customers", description = "Distinct customers, i.e. distinct query parameters (default ${DEFAULT-VALUE}).")
    int customers = 2_000;

    @Option(names = "--rounds", description = "Measured rounds (default ${DEFAULT-VALUE}).")
    int rounds = 5;

    @Option(names = "--round-ms", description = "Time per variant per round (default ${DEFAULT-VALUE}).")
    long roundMs = 700;

    private final PrintStream out;

    public ConditionsBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report(out, "conditions");
        JdbcDataSource app = new JdbcDataSource();
        app.setURL("jdbc:h2:mem:bench-conditions;DB_CLOSE_DELAY=-1");
        try (Connection keep = app.getConnection()) {
            fill(keep);
            report.progress("application database: 200,000 orders of %,d customers (indexed on customer_id)", customers);
            DefinitionParser parser = new DefinitionParser(new TemplateEngine(), Set.of());
            WorkflowDefinition uncached = parser.parse(DEFINITION.replace("TTL", "0"), false, "w").orThrow();
            WorkflowDefinition cached = parser.parse(DEFINITION.replace("TTL", "60"), false, "w").orThrow();
            EntityEvent[] evs = events();
            // each variant has its own runner, so each has its own cache and its own count of queries run
            QueryConditionRunner[] runners = new QueryConditionRunner[4];
            List<List<Condition>> lists = List.of(uncached.conditions(), uncached.plan(), cached.conditions(),
                    cached.plan());
            IntUnaryOperator[] variants = new IntUnaryOperator[4];
            for (int v = 0; v < 4; v++) {
                runners[v] = new QueryConditionRunner(app, Duration.ofSeconds(30), 100_000);
                variants[v] = variant(new ConditionEvaluator(runners[v]), lists.get(v), evs);
            }
            // the cached variants start warm (one query per customer), as they are after the first minute of a day
            for (int c = 0; c < customers; c++) {
                EntityEvent e = EntityEvent.builder().entityType("account").entityId("w-" + c)
                        .operation(Operation.UPDATE).previous(Map.of("id", "w")).data(Map.of("id", "w",
                                "customer_id", "c-" + c, "status", "active")).build();
                new ConditionEvaluator(runners[2]).allHold(lists.get(2), e, () -> Map.of("entity", e.data()));
                new ConditionEvaluator(runners[3]).allHold(lists.get(3), e, () -> Map.of("entity", e.data()));
            }
            Interleaved run = new Interleaved(4, evs.length, roundMs * 1_000_000);
            report.progress("warming up (one round, not counted)");
            run.round(false, variants);
            long[] queriesBefore = new long[4];
            for (int v = 0; v < 4; v++) {
                queriesBefore[v] = runners[v].executedQueries();
            }
            for (int r = 1; r <= rounds; r++) {
                run.round(true, variants);
                report.progress("round %d/%d: written %,.0f, ordered %,.0f, written+cache %,.0f, ordered+cache %,.0f "
                        + "events/s", r, rounds, run.lastRate(0), run.lastRate(1), run.lastRate(2), run.lastRate(3));
            }
            String[] names = {"written order, no cache (the guide's Bad)", "Flowline order, no cache",
                    "written order, query cached 60 s", "Flowline order, query cached 60 s (default)"};
            report.line("");
            report.line("conditions: query condition written first, then 'status eq active' (%d%% of events pass); "
                    + "%,d customers; one thread, %d interleaved rounds", activePercent, customers, rounds);
            double[] perEvent = new double[4];
            for (int v = 0; v < 4; v++) {
                perEvent[v] = (runners[v].executedQueries() - queriesBefore[v]) / (double) run.ops(v);
                report.line("  %-45s %,10.0f events/s  %.3f queries run per event", names[v], run.rate(v),
                        perEvent[v]);
            }
            report.line("  ordering alone: %.1fx; caching alone: %.1fx; both: %.1fx", run.rate(1) / run.rate(0),
                    run.rate(2) / run.rate(0), run.rate(3) / run.rate(0));
            report.put("events", evs.length).put("active_share", activePercent / 100.0).put("customers", customers)
                    .put("written_order_events_per_s", run.rate(0)).put("flowline_order_events_per_s", run.rate(1))
                    .put("ordering_speedup", run.rate(1) / run.rate(0))
                    .put("written_order_cached_events_per_s", run.rate(2))
                    .put("flowline_order_cached_events_per_s", run.rate(3))
                    .put("caching_speedup_written_order", run.rate(2) / run.rate(0))
                    .put("caching_speedup_flowline_order", run.rate(3) / run.rate(1))
                    .put("combined_speedup", run.rate(3) / run.rate(0))
                    .put("queries_per_event", queriesPerEvent(perEvent))
                    .put("rounds", rounds);
            report.finish();
        }
        return 0;
    }

    private static Map<String, Object> queriesPerEvent(double[] perEvent) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        String[] keys = {"written_order", "flowline_order", "written_order_cached", "flowline_order_cached"};
        for (int v = 0; v < keys.length; v++) {
            m.put(keys[v], Report.round(perEvent[v]));
        }
        return m;
    }

    private static IntUnaryOperator variant(ConditionEvaluator evaluator, List<Condition> conditions,
                                            EntityEvent[] evs) {
        return i -> {
            EntityEvent e = evs[i];
            return evaluator.allHold(conditions, e, () -> Map.of("entity", e.data())) ? 1 : 0;
        };
    }

    private EntityEvent[] events() {
        Random random = new Random(7);
        EntityEvent[] out = new EntityEvent[events];
        for (int i = 0; i < events; i++) {
            String status = random.nextInt(100) < activePercent ? "active" : "dormant";
            Map<String, Object> data = Map.of("id", "a-" + i, "customer_id", "c-" + random.nextInt(customers),
                    "status", status);
            out[i] = EntityEvent.builder().entityType("account").entityId("a-" + i).operation(Operation.UPDATE)
                    .previous(Map.of("id", "a-" + i)).data(data).build();
        }
        return out;
    }

    private void fill(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create table orders (id bigint primary key, customer_id varchar(32), total bigint)");
            s.execute("create index orders_customer on orders (customer_id)");
        }
        Random random = new Random(3);
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("insert into orders values (?, ?, ?)")) {
            for (int i = 0; i < 200_000; i++) {
                ps.setLong(1, i);
                ps.setString(2, "c-" + random.nextInt(customers));
                ps.setLong(3, random.nextInt(300));
                ps.addBatch();
                if (i % 10_000 == 9_999) {
                    ps.executeBatch();
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
