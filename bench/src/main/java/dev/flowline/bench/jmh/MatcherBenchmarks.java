package dev.flowline.bench.jmh;

import dev.flowline.bench.match.SyntheticWorkload;
import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.json.Json;
import dev.flowline.match.Matcher;
import dev.flowline.match.TriggerIndex;
import dev.flowline.template.TemplateEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JMH: one event through the trigger index and its candidates' conditions, as {@code bench match} generates them. */
@State(Scope.Thread)
public class MatcherBenchmarks {

    @Param({"10000"})
    public int workflows;

    private Matcher matcher;
    private EntityEvent[] events;
    private int next;

    @Setup
    public void setUp() {
        SyntheticWorkload gen = new SyntheticWorkload(42, 100);
        DefinitionParser parser = new DefinitionParser(new TemplateEngine(), Set.of());
        List<WorkflowDefinition> defs = new ArrayList<>();
        for (int i = 0; i < workflows; i++) {
            defs.add(parser.parse(Json.write(gen.workflow(i)), false, "wf").orThrow());
        }
        matcher = new Matcher(TriggerIndex.build(defs), new ConditionEvaluator(null));
        events = new EntityEvent[4096];
        for (int i = 0; i < events.length; i++) {
            events[i] = gen.event(i);
        }
    }

    @Benchmark
    public List<WorkflowDefinition> matchOneEvent() {
        EntityEvent e = events[next++ & (events.length - 1)];
        return matcher.matching(e, w -> Map.of());
    }

    @Benchmark
    public List<WorkflowDefinition> indexCandidatesOnly() {
        return matcher.index().candidates(events[next++ & (events.length - 1)]);
    }
}
