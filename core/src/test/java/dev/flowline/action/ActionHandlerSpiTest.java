package dev.flowline.action;

import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.ParseResult;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.template.TemplateEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionHandlerSpiTest {

    private static final String DEFINITION = """
            {"entity_type": "ticket", "operations": ["create"],
             "actions": [{"id": "s", "type": "shout", "text": "hello {{ entity.name }}"}]}""";

    @Test
    void a_handler_listed_in_meta_inf_services_adds_an_action_type() {
        Engine.Builder builder = Engine.builder().loadHandlers();
        assertThat(builder.customActionTypes()).contains("shout");
        WorkflowDefinition w = new DefinitionParser(new TemplateEngine(), builder.customActionTypes())
                .parse(DEFINITION, false, "spi").orThrow();
        try (Engine engine = builder.workflows(List.of(w)).build()) {
            ExecutionRecord r = engine.process(EntityEvent.builder().entityType("ticket").entityId("t1")
                    .operation(Operation.CREATE).data(Map.of("name", "ann")).build()).getFirst();
            assertThat(r.actions().getFirst().output())
                    .isEqualTo(Map.of("text", "HELLO ANN", "key", r.executionId() + ":s"));
        }
    }

    @Test
    void an_unregistered_custom_type_is_a_definition_error() {
        ParseResult r = new DefinitionParser(new TemplateEngine(), java.util.Set.of()).parse(DEFINITION, false, "spi");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("actions[0].type");
            assertThat(e.message()).contains("unknown action type 'shout'");
        });
    }

    @Test
    void a_handler_cannot_replace_a_built_in_type() {
        ActionHandler fake = new ActionHandler() {
            @Override
            public String type() {
                return "webhook";
            }

            @Override
            public Object execute(ActionInvocation invocation) {
                return null;
            }
        };
        assertThatThrownBy(() -> Engine.builder().actionHandler(fake))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built in");
    }
}
