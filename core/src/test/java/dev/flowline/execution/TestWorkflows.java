package dev.flowline.execution;

import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.template.TemplateEngine;

import java.util.Map;
import java.util.Set;

/** Helpers to build definitions and events in tests. */
final class TestWorkflows {

    private TestWorkflows() {
    }

    /** Parses a JSON definition (single quotes stand for double quotes, to keep tests readable). */
    static WorkflowDefinition parse(String json, String... customTypes) {
        return new DefinitionParser(new TemplateEngine(), Set.of(customTypes))
                .parse(json.replace('\'', '"'), false, "test").orThrow();
    }

    static EntityEvent create(String type, String id, Map<String, Object> data) {
        return EntityEvent.builder().entityType(type).entityId(id).operation(Operation.CREATE).data(data).build();
    }

    static EntityEvent update(String type, String id, Map<String, Object> previous, Map<String, Object> data) {
        return EntityEvent.builder().entityType(type).entityId(id).operation(Operation.UPDATE)
                .previous(previous).data(data).build();
    }
}
