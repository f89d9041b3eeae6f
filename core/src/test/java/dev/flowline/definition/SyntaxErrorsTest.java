package dev.flowline.definition;

import dev.flowline.json.InputError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flowline.definition.Definitions.parse;
import static dev.flowline.definition.Definitions.parseYaml;
import static org.assertj.core.api.Assertions.assertThat;

/** Text that is not JSON or YAML is reported with its line and column, on one line, at the document root. */
class SyntaxErrorsTest {

    @Test
    void invalid_json_reports_the_line_and_column() {
        ParseResult result = parse("""
                {
                  "entity_type": "order",
                  "operations": ["update",]
                }""");

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEmpty();
            assertThat(e.message()).startsWith("line 3, column 27: not valid JSON: Unexpected character (']'");
        });
        assertThat(result.id()).as("the default id still names the definition").isEqualTo("w");
    }

    @Test
    void invalid_yaml_reports_the_line_and_column_in_one_line() {
        InputError e = parseYaml("""
                entity_type: order
                operations: [update
                actions: []
                """).errors().getFirst();

        assertThat(e.path()).isEmpty();
        assertThat(e.message()).isEqualTo("line 3, column 8: not valid YAML: expected ',' or ']', but got :"
                + " (while parsing a flow sequence)");
    }

    @Test
    void a_yaml_indentation_mistake_reports_the_line_and_column() {
        InputError e = parseYaml("""
                entity_type: order
                  operations: [update]
                """).errors().getFirst();

        assertThat(e.message()).isEqualTo("line 2, column 13: not valid YAML: mapping values are not allowed here");
    }

    @Test
    void a_key_written_twice_in_json_is_an_error_rather_than_silently_dropping_the_first() {
        ParseResult result = parse("""
                {"entity_type": "order", "operations": ["update"],
                 "actions": [{"id": "a", "type": "set", "values": {"n": 1}}],
                 "actions": [{"id": "b", "type": "set", "values": {"n": 2}}]}""");

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEmpty();
            assertThat(e.message()).startsWith("line 3, column").contains("not valid JSON: Duplicate field 'actions'");
        });
    }

    @Test
    void a_key_written_twice_in_yaml_is_an_error_rather_than_silently_dropping_the_first() {
        ParseResult result = parseYaml("""
                entity_type: order
                operations: [create]
                operations: [update]
                """);

        assertThat(result.errors()).singleElement().satisfies(e ->
                assertThat(e.message()).startsWith("line 3, column")
                        .contains("not valid YAML: Duplicate field 'operations'"));
    }

    @Test
    void content_after_the_definition_is_an_error_rather_than_silently_ignored() {
        ParseResult result = parse("""
                {"entity_type": "order", "operations": ["update"]}
                {"entity_type": "ticket", "operations": ["create"]}""");

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo("line 2, column 1: not valid JSON: more content follows the definition;"
                        + " a file holds exactly one definition"));
    }

    @Test
    void a_second_yaml_document_is_an_error_rather_than_silently_ignored() {
        ParseResult result = parseYaml("""
                entity_type: order
                ---
                entity_type: ticket
                """);

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("not valid YAML: more content follows the definition"));
    }

    @Test
    void an_empty_text_says_the_definition_is_empty() {
        List<ParseResult> results = List.of(parse(""), parse("  \n"), parseYaml(""), parseYaml("# nothing\n"));
        for (ParseResult result : results) {
            assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message())
                    .isEqualTo("the definition is empty; write an object with at least entity_type and actions"));
        }
    }
}
