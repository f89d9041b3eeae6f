package dev.flowline.definition;

import dev.flowline.json.InputError;
import dev.flowline.template.TemplateEngine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses definitions for tests. Every definition a test calls valid goes through {@link #valid} or
 * {@link #validYaml}, which also check it against the published JSON Schema, so the schema accepts every valid
 * example in these tests.
 */
final class Definitions {

    static final DefinitionParser PARSER = new DefinitionParser(new TemplateEngine(), Set.of());

    /** One notification that reads nothing, for definitions whose actions do not matter. */
    static final String NOTIFY = """
            {"id": "notify", "type": "notification", "recipients": ["ops"], "body": "hello"}""";

    private Definitions() {
    }

    /** A workflow on order updates with these actions (the text between the brackets of "actions"). */
    static String withActions(String actions) {
        return """
                {"id": "w", "entity_type": "order", "operations": ["update"], "actions": [ACTIONS]}"""
                .replace("ACTIONS", actions);
    }

    /** A workflow on order updates with these conditions and one harmless action. */
    static String withConditions(String conditions) {
        return """
                {"id": "w", "entity_type": "order", "operations": ["update"], "conditions": [CONDITIONS],
                 "actions": [NOTIFY]}"""
                .replace("CONDITIONS", conditions).replace("NOTIFY", NOTIFY);
    }

    static ParseResult parse(String json) {
        return PARSER.parse(json, false, "w");
    }

    static ParseResult parseYaml(String yaml) {
        return PARSER.parse(yaml, true, "w");
    }

    static List<InputError> errors(String json) {
        return parse(json).errors();
    }

    /** The one error of an invalid definition. */
    static InputError onlyError(String json) {
        List<InputError> errors = errors(json);
        assertThat(errors).as("errors of %s", json).hasSize(1);
        return errors.getFirst();
    }

    /** Asserts that the parser and the JSON Schema both accept the JSON definition, and returns it. */
    static WorkflowDefinition valid(String json) {
        return valid(PARSER, json);
    }

    static WorkflowDefinition valid(DefinitionParser parser, String json) {
        ParseResult result = parser.parse(json, false, "w");
        assertThat(result.errors()).as("parser errors").isEmpty();
        assertThat(WorkflowSchema.problems(json, false)).as("schema problems").isEmpty();
        return result.definition();
    }

    /** Asserts that the parser and the JSON Schema both accept the YAML definition, and returns it. */
    static WorkflowDefinition validYaml(String yaml) {
        ParseResult result = parseYaml(yaml);
        assertThat(result.errors()).as("parser errors").isEmpty();
        assertThat(WorkflowSchema.problems(yaml, true)).as("schema problems").isEmpty();
        return result.definition();
    }

    /** A test resource next to this class, as text. */
    static String resource(String name) {
        try (InputStream in = Definitions.class.getResourceAsStream(name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
