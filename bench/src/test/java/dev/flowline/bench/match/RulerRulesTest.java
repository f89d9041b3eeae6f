package dev.flowline.bench.match;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.json.Json;
import dev.flowline.match.Matcher;
import dev.flowline.match.NaiveMatcher;
import dev.flowline.match.TriggerIndex;
import dev.flowline.template.TemplateEngine;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The three matchers of {@code bench match} select the same workflows on generated rules and events. */
class RulerRulesTest {

    @Test
    void flowline_naive_and_event_ruler_agree_on_generated_workflows() throws Exception {
        SyntheticWorkload gen = new SyntheticWorkload(1, 5);
        DefinitionParser parser = new DefinitionParser(new TemplateEngine(), Set.of());
        List<WorkflowDefinition> defs = new ArrayList<>();
        Machine ruler = new Machine();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> w = gen.workflow(i);
            defs.add(parser.parse(Json.write(w), false, "wf").orThrow());
            for (String rule : RulerRules.rules(w)) {
                ruler.addRule((String) w.get("id"), rule);
            }
        }
        Matcher indexed = new Matcher(TriggerIndex.build(defs), new ConditionEvaluator(null));
        NaiveMatcher naive = new NaiveMatcher(defs, new ConditionEvaluator(null));
        EntityEvent[] events = new EntityEvent[2000];
        JsonNode[] json = new JsonNode[events.length];
        for (int i = 0; i < events.length; i++) {
            events[i] = gen.event(i);
            json[i] = RulerRules.event(events[i]);
        }

        Agreement a = Agreement.check(events.length, i -> ids(indexed.matching(events[i], w -> Map.of())),
                i -> ids(naive.matching(events[i], w -> Map.of())), i -> Set.copyOf(ruler.rulesForJSONEvent(json[i])));

        assertThat(a.summary()).startsWith("all three");
        assertThat(a.meanMatches()).isPositive();
    }

    @Test
    void the_entity_sits_under_a_key_that_sorts_after_entity_type_and_operation() {
        assertThat("subject").isGreaterThan("operation").isGreaterThan("entity_type");
        JsonNode e = RulerRules.event(new SyntheticWorkload(2, 3).event(0));
        assertThat(e.has("subject")).isTrue();
    }

    private static Set<String> ids(List<WorkflowDefinition> ws) {
        Set<String> out = new HashSet<>();
        ws.forEach(w -> out.add(w.id()));
        return out;
    }
}
