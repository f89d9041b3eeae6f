package dev.flowline.bench.strategies;

import dev.flowline.bench.HttpSink;
import dev.flowline.bench.Report;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import dev.flowline.template.TemplateEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code flowline bench dag}: three independent webhooks to a local server that answers after a delay, then one
 * dependent webhook; the same workflow run with parallel actions (Flowline's default) and one action at a time,
 * alternating execution by execution. The critical path (two answers in a row) is the physical limit. Not
 * thread-safe: one run at a time.
 */
@Command(name = "dag", mixinStandardHelpOptions = true,
        description = "DAG execution: parallel vs sequential wall time against the critical path.")
public final class DagBenchmark implements Callable<Integer> {

    @Option(names = "--delay-ms", description = "How long the local server takes to answer (default ${DEFAULT-VALUE}).")
    long delayMs = 50;

    @Option(names = "--runs", description = "Executions per variant (default ${DEFAULT-VALUE}).")
    int runs = 30;

    @Option(names = "--warmup", description = "Warm-up executions per variant, not timed (default ${DEFAULT-VALUE}).")
    int warmup = 2_000;

    private final PrintStream out;

    public DagBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report(out, "dag");
        try (HttpSink server = new HttpSink(delayMs); HttpSink fast = new HttpSink()) {
            String json = """
                    {"id": "fan-out", "entity_type": "order", "operations": ["create"], "actions": [
                      {"id": "crm", "type": "webhook", "url": "URL/crm", "body": {"id": "{{ entity.id }}"},
                       "result_variable": "crm"},
                      {"id": "erp", "type": "webhook", "url": "URL/erp", "body": {"id": "{{ entity.id }}"},
                       "result_variable": "erp"},
                      {"id": "shop", "type": "webhook", "url": "URL/shop", "body": {"id": "{{ entity.id }}"},
                       "result_variable": "shop"},
                      {"id": "audit", "type": "webhook", "url": "URL/audit", "dependencies": ["crm", "erp", "shop"],
                       "body": {"crm": "{{ crm.status }}", "erp": "{{ erp.status }}", "shop": "{{ shop.status }}"},
                       "result_variable": "audit"}],
                     "workflow_settings": {"action_execution_strategy": "parallel", "max_parallel_actions": 5}}"""
                    ;
            DefinitionParser parser = new DefinitionParser(new TemplateEngine(), Set.of());
            WorkflowDefinition w = parser.parse(json.replace("URL", server.url()), false, "w").orThrow();
            WorkflowDefinition warm = parser.parse(json.replace("URL", fast.url()), false, "w").orThrow();
            try (Engine parallel = Engine.builder().workflows(List.of(warm)).build();
                 Engine sequential = Engine.builder().workflows(List.of(warm)).parallelActions(false).build()) {
                report.progress("warming up (connections, JIT): %d executions each against a sink that answers at once",
                        warmup);
                for (int i = 0; i < warmup; i++) {
                    time(parallel, -1 - i);
                    time(sequential, -1 - i);
                }
                parallel.setWorkflows(List.of(w));
                sequential.setWorkflows(List.of(w));
                time(parallel, -1);
                time(sequential, -1);
                double[] p = new double[runs];
                double[] s = new double[runs];
                for (int i = 0; i < runs; i++) {
                    p[i] = time(parallel, 2 * i);
                    s[i] = time(sequential, 2 * i + 1);
                }
                double critical = 2 * delayMs;
                double pMedian = median(p);
                double sMedian = median(s);
                report.line("");
                report.line("dag: 3 independent webhooks then 1 dependent, server answers after %d ms; %d executions each,"
                        + " alternating", delayMs, runs);
                report.line("  critical path (2 answers in a row)   : %6.1f ms", critical);
                report.line("  parallel (Flowline's default) median : %6.1f ms (mean %.1f, max %.1f) = %.1f%% above "
                        + "the critical path", pMedian, mean(p), max(p), (pMedian / critical - 1) * 100);
                report.line("  sequential median                    : %6.1f ms (mean %.1f) -> parallel is %.2fx faster",
                        sMedian, mean(s), sMedian / pMedian);
                report.put("delay_ms", delayMs).put("runs", runs).put("critical_path_ms", critical)
                        .put("parallel_ms_median", pMedian).put("parallel_ms_mean", mean(p))
                        .put("parallel_ms_max", max(p)).put("sequential_ms_median", sMedian)
                        .put("sequential_ms_mean", mean(s)).put("speedup", sMedian / pMedian)
                        .put("parallel_over_critical_path", pMedian / critical - 1);
                report.finish();
            }
        }
        return 0;
    }

    /** Wall time of one execution, from submitting the event to the execution's end. */
    private static double time(Engine engine, int n) {
        EntityEvent e = EntityEvent.builder().entityType("order").entityId("o-" + n).operation(Operation.CREATE)
                .data(Map.of("id", "o-" + n)).build();
        long t0 = System.nanoTime();
        List<ExecutionRecord> records = engine.process(e);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (records.size() != 1 || records.getFirst().status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("the execution did not succeed: " + records);
        }
        return ms;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
