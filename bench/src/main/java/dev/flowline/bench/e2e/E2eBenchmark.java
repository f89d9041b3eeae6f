package dev.flowline.bench.e2e;

import dev.flowline.bench.HttpSink;
import dev.flowline.bench.Report;
import dev.flowline.bench.SmtpSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code flowline bench e2e}: the guide's case study through the durable service path (store with group commit,
 * dispatcher, engine, intake), to completion: a day of orders as fast as intake takes them, then a sustained load
 * for latency; optionally the same with the guide's "Bad" settings, db-scheduler as a peer, and a load sweep with a
 * plot.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "The case study end to end: orders' lifecycle events through the durable service path.")
public final class E2eBenchmark implements Callable<Integer> {

    @Option(names = "--orders", description = "Orders in the day (default ${DEFAULT-VALUE}; 6 events each).")
    int orders = 150_000;

    @Option(names = "--data", description = "Directory for the databases (default: a temporary directory, deleted after).")
    Path data;

    @Option(names = "--keep-data", description = "Keep the databases after the run.")
    boolean keepData;

    @Option(names = "--baseline", description = "Also run the guide's 'Bad' settings: naive.")
    String baseline;

    @Option(names = "--baseline-orders", description = "Orders for the baseline's day (default: min(orders, 10000)).")
    Integer baselineOrders;

    @Option(names = "--peer", description = "Also run a peer on the same store: db-scheduler.")
    String peer;

    @Option(names = "--peer-tasks", description = "No-op tasks for the peer (default: as many as Flowline's executions).")
    Integer peerTasks;

    @Option(names = "--store", description = "h2 (default) or postgres.")
    String store = "h2";

    @Option(names = "--pg-url", description = "PostgreSQL JDBC URL (default ${DEFAULT-VALUE}).")
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";

    @Option(names = "--pg-user", description = "PostgreSQL user (default ${DEFAULT-VALUE}).")
    String pgUser = "postgres";

    @Option(names = "--pg-password", description = "PostgreSQL password (default empty).")
    String pgPassword = "";

    @Option(names = "--latency-rate", description = "Sustained load for the latency figures, events/s (default ${DEFAULT-VALUE}).")
    double latencyRate = 1_000;

    @Option(names = "--latency-seconds", description = "How long the sustained load lasts (default ${DEFAULT-VALUE}).")
    int latencySeconds = 20;

    @Option(names = "--sweep", split = ",", description = "Offered loads (events/s) for the load sweep, e.g. 250,500,1000,2000,4000.")
    List<Double> sweep = new ArrayList<>();

    @Option(names = "--sweep-seconds", description = "Seconds per load level of the sweep (default ${DEFAULT-VALUE}).")
    int sweepSeconds = 10;

    @Option(names = "--plot", description = "Write the sweep as a PNG plot here (default ${DEFAULT-VALUE}).")
    Path plot = Path.of("docs/e2e-load.png");

    @Option(names = "--producers", description = "Threads sending events flat out (default ${DEFAULT-VALUE}).")
    int producers = 4;

    @Option(names = "--batch", description = "Events per intake call flat out (default ${DEFAULT-VALUE}).")
    int batch = 200;

    private final PrintStream out;

    public E2eBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report(out, "e2e");
        StoreChoice choice = new StoreChoice(store, pgUrl, pgUser, pgPassword);
        Path dir = data != null ? Files.createDirectories(data.resolve("run-" + System.currentTimeMillis()))
                : Files.createTempDirectory("flowline-bench-e2e");
        report.progress("case study: %,d orders (%,d events), store %s, data in %s", orders,
                (long) orders * OrderDay.EVENTS_PER_ORDER, store, dir);
        try (HttpSink sink = new HttpSink(); SmtpSink smtp = new SmtpSink(); HeapSampler heap = new HeapSampler()) {
            Runs runs = new Runs(choice, dir, sink.url(), smtp.port(), heap, report, producers, batch);
            PhaseResult day;
            PhaseResult latency;
            long dayMails;
            double mailDrainSeconds;
            double mailRate;
            try (Pipeline p = runs.open(false, "flowline")) {
                report.progress("flowline: the day, flat out");
                day = Phase.run(p, heap, report, "o", orders, 0, producers, batch);
                long drain0 = System.nanoTime();
                if (!p.awaitMailSent(Duration.ofMinutes(30))) {
                    report.progress("flowline: the outbox still had due e-mail after 30 minutes");
                }
                mailDrainSeconds = (System.nanoTime() - drain0) / 1e9;
                dayMails = smtp.messages();
                mailRate = dayMails / (day.seconds() + mailDrainSeconds);
                report.progress("flowline: %,d e-mails received by the SMTP sink; the outbox finished sending %.1f s "
                        + "after the last execution", dayMails, mailDrainSeconds);
                report.progress("flowline: %,.0f executions/s; now %,.0f events/s for %d s", day.executionsPerSecond(),
                        latencyRate, latencySeconds);
                latency = Phase.run(p, heap, report, "l", sustainedOrders(latencyRate, latencySeconds), latencyRate, 1,
                        batch);
            }
            report.put("orders", orders).put("events", day.events()).put("executions", day.executions())
                    .put("events_per_s", day.eventsPerSecond()).put("executions_per_s", day.executionsPerSecond())
                    .put("duration_s", day.seconds())
                    .put("latency_ms_p50", latency.p50Ms()).put("latency_ms_p95", latency.p95Ms())
                    .put("latency_ms_p99", latency.p99Ms()).put("latency_at_events_per_s", latencyRate)
                    .put("peak_heap_mib", Math.max(day.peakHeapMib(), latency.peakHeapMib()))
                    .put("max_heap_mib", HeapSampler.maxHeapMib())
                    .put("cpu_s", day.cpuSeconds()).put("condition_time_share", day.conditionShare())
                    .put("store", store).put("webhooks_received", sink.requests())
                    .put("emails_received", dayMails).put("email_drain_s", mailDrainSeconds)
                    .put("emails_per_s", mailRate)
                    .put("day", day.json()).put("sustained", latency.json());
            Narrative.flowline(report, day, latency, store);
            report.line("  e-mail: %,d confirmation e-mails queued in the durable outbox by the executions and sent over "
                    + "one SMTP connection to the local sink, the last %.1f s after the last execution finished "
                    + "(%,.0f e-mails/s over the day)", dayMails, mailDrainSeconds, mailRate);
            if ("naive".equals(baseline)) {
                int n = baselineOrders != null ? baselineOrders : Math.min(orders, 10_000);
                PhaseResult bDay;
                PhaseResult bLatency;
                try (Pipeline p = runs.open(true, "naive")) {
                    report.progress("naive baseline: the day (%,d orders), flat out, one event per commit", n);
                    bDay = Phase.run(p, heap, report, "o", n, 0, 8, 1);
                    report.progress("naive baseline: %,.0f executions/s; now %,.0f events/s for %d s",
                            bDay.executionsPerSecond(), latencyRate, latencySeconds);
                    // one event per call, so several producers: one alone could not offer 1,000 commits a second
                    bLatency = Phase.run(p, heap, report, "l", sustainedOrders(latencyRate, latencySeconds),
                            latencyRate, 8, 1);
                }
                Map<String, Object> b = new LinkedHashMap<>(bDay.json());
                b.put("latency_ms_p50", bLatency.p50Ms());
                b.put("latency_ms_p95", bLatency.p95Ms());
                b.put("latency_ms_p99", bLatency.p99Ms());
                b.put("sustained", bLatency.json());
                b.replaceAll((k, v) -> v instanceof Double d ? (Double.isFinite(d) ? Report.round(d) : null) : v);
                report.put("baseline", b).put("speedup", day.executionsPerSecond() / bDay.executionsPerSecond());
                Narrative.baseline(report, day, bDay, bLatency);
            }
            if ("db-scheduler".equals(peer)) {
                int tasks = peerTasks != null ? peerTasks : (int) day.executions();
                report.progress("db-scheduler: %,d no-op one-time tasks on the same store (%s)", tasks, store);
                double rate = DbSchedulerPeer.run(choice, dir, tasks, report);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", "db-scheduler");
                p.put("version", "16.7.1");
                p.put("tasks", tasks);
                p.put("executions_per_s", Report.round(rate));
                report.put("peer", p).put("ratio_vs_peer", day.executionsPerSecond() / rate);
                report.line("  db-scheduler 16.7.1, %,d no-op tasks: %,.0f executions/s -> Flowline's full workflows "
                        + "run at %.2fx its rate", tasks, rate, day.executionsPerSecond() / rate);
            }
            if (!sweep.isEmpty()) {
                List<Map<String, Object>> points = LoadSweep.run(runs, sweep, sweepSeconds, plot);
                report.put("sweep", points);
            }
        } finally {
            choice.cleanUp();
            if (data == null || !keepData) {
                delete(dir);
            }
        }
        report.finish();
        return 0;
    }

    private static int sustainedOrders(double rate, int seconds) {
        return (int) Math.max(1, Math.round(rate * seconds / OrderDay.EVENTS_PER_ORDER));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
