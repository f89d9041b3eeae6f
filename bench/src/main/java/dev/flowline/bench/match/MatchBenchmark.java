package dev.flowline.bench.match;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.bench.Interleaved;
import dev.flowline.bench.Report;
import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.json.Json;
import dev.flowline.match.Matcher;
import dev.flowline.match.NaiveMatcher;
import dev.flowline.match.TriggerIndex;
import dev.flowline.template.TemplateEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.event.ruler.Machine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntUnaryOperator;

/**
 * {@code flowline bench match}: Flowline's indexed matcher against the naive evaluation (every workflow, conditions
 * as written) and AWS Event Ruler on the same rules, interleaved round by round on one thread, after checking that
 * all three select the same workflows.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Matching throughput: trigger index vs naive evaluation vs AWS Event Ruler (one core).")
public final class MatchBenchmark implements Callable<Integer> {

    @Option(names = "--workflows", description = "Generated workflows (default ${DEFAULT-VALUE}).")
    int workflows = 10_000;

    @Option(names = "--events", description = "Generated events (default ${DEFAULT-VALUE}).")
    int events = 100_000;

    @Option(names = "--entity-types", description = "Entity types (default ${DEFAULT-VALUE}).")
    int entityTypes = 100;

    @Option(names = "--rounds", description = "Measured rounds; each runs every matcher in turn (default ${DEFAULT-VALUE}).")
    int rounds = 5;

    @Option(names = "--round-ms", description = "Time each matcher gets per round (default ${DEFAULT-VALUE}).")
    long roundMs = 1_000;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--check-events", description = "Events on which the three must agree (default ${DEFAULT-VALUE}).")
    int checkEvents = 5_000;

    private final PrintStream out;

    public MatchBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report(out, "match");
        report.progress("generating %,d workflows over %d entity types and %,d events (seed %d)", workflows,
                entityTypes, events, seed);
        SyntheticWorkload gen = new SyntheticWorkload(seed, entityTypes);
        DefinitionParser parser = new DefinitionParser(new TemplateEngine(), Set.of());
        List<WorkflowDefinition> defs = new ArrayList<>(workflows);
        Machine ruler = new Machine();
        for (int i = 0; i < workflows; i++) {
            Map<String, Object> w = gen.workflow(i);
            defs.add(parser.parse(Json.write(w), false, "wf").orThrow());
            for (String rule : RulerRules.rules(w)) {
                ruler.addRule((String) w.get("id"), rule);
            }
            if ((i + 1) % 20_000 == 0) {
                report.progress("  %,d workflows compiled", i + 1);
            }
        }
        EntityEvent[] evs = new EntityEvent[events];
        JsonNode[] rulerEvents = new JsonNode[events];
        for (int i = 0; i < events; i++) {
            evs[i] = gen.event(i);
            rulerEvents[i] = RulerRules.event(evs[i]);
        }
        ConditionEvaluator conditions = new ConditionEvaluator(null);
        Matcher indexed = new Matcher(TriggerIndex.build(defs), conditions);
        NaiveMatcher naive = new NaiveMatcher(defs, conditions);

        report.progress("checking that the three matchers agree on %,d events", Math.min(checkEvents, events));
        Agreement agreement = Agreement.check(Math.min(checkEvents, events),
                i -> ids(indexed.matching(evs[i], w -> Map.of())),
                i -> ids(naive.matching(evs[i], w -> Map.of())),
                i -> Set.copyOf(ruler.rulesForJSONEvent(rulerEvents[i])));
        report.progress("  %s", agreement.summary());
        long candidates = 0;
        for (int i = 0; i < Math.min(checkEvents, events); i++) {
            candidates += indexed.index().candidates(evs[i]).size();
        }
        double meanCandidates = (double) candidates / Math.max(1, Math.min(checkEvents, events));

        IntUnaryOperator flowline = i -> indexed.matching(evs[i], w -> Map.of()).size();
        IntUnaryOperator baseline = i -> naive.matching(evs[i], w -> Map.of()).size();
        IntUnaryOperator eventRuler = i -> ruler.rulesForJSONEvent(rulerEvents[i]).size();
        Interleaved run = new Interleaved(3, events, roundMs * 1_000_000);
        report.progress("warming up (one round, not counted)");
        run.round(false, flowline, baseline, eventRuler);
        for (int r = 1; r <= rounds; r++) {
            run.round(true, flowline, baseline, eventRuler);
            report.progress("round %d/%d: flowline %,.0f, naive %,.0f, event ruler %,.0f events/s", r, rounds,
                    run.lastRate(0), run.lastRate(1), run.lastRate(2));
        }
        double f = run.rate(0);
        double n = run.rate(1);
        double e = run.rate(2);
        report.line("");
        report.line("match: %,d workflows, %,d events, %d entity types, one thread, %d interleaved rounds of %d ms each",
                workflows, events, entityTypes, rounds, roundMs);
        report.line("  flowline (compiled index: slots, masks, checks)  : %,12.0f events/s", f);
        report.line("  naive (every workflow, written order)              : %,12.0f events/s  -> flowline %.1fx", n, f / n);
        report.line("  AWS Event Ruler 2.1.0 (same rules, best form)      : %,12.0f events/s  -> flowline %.1fx", e, f / e);
        report.line("  per event: %.1f candidates from the index (of %,d workflows), %.2f matches; %s", meanCandidates,
                workflows, agreement.meanMatches(), agreement.summary());
        report.put("workflows", workflows).put("events", events)
                .put("flowline_events_per_s", f).put("naive_events_per_s", n).put("speedup_vs_naive", f / n)
                .put("event_ruler_events_per_s", e).put("ratio_vs_event_ruler", f / e)
                .put("agree", agreement.agree()).put("checked_events", agreement.checked())
                .put("mean_matches_per_event", agreement.meanMatches())
                .put("mean_candidates_per_event", meanCandidates).put("rounds", rounds).put("seed", seed);
        report.finish();
        return agreement.agree() ? 0 : 1;
    }

    private static Set<String> ids(List<WorkflowDefinition> ws) {
        Set<String> out = new java.util.HashSet<>();
        ws.forEach(w -> out.add(w.id()));
        return out;
    }
}
