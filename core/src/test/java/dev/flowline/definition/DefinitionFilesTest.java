package dev.flowline.definition;

import dev.flowline.FlowlineException;
import dev.flowline.json.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinitionFilesTest {

    private static final String ACTIONS = """
            [{"id": "n", "type": "notification", "recipients": ["ops"], "body": "hi"}]""";

    private final DefinitionFiles files = new DefinitionFiles(Definitions.PARSER);

    @TempDir
    Path dir;

    @Test
    void a_directory_is_read_recursively_in_name_order_keeping_only_json_and_yaml_files() throws IOException {
        write("b.yaml", "entity_type: order\noperations: [update]\nactions: " + ACTIONS + "\n");
        write("a.json", "{\"entity_type\": \"order\", \"operations\": [\"create\"], \"actions\": " + ACTIONS + "}");
        write("nested/c.yml", "entity_type: ticket\noperations: [delete]\nactions: " + ACTIONS + "\n");
        write("notes.txt", "not a definition");

        List<DefinitionFiles.FileResult> results = files.load(List.of(dir));

        assertThat(results).extracting(r -> dir.relativize(r.file()).toString())
                .containsExactly("a.json", "b.yaml", "nested/c.yml");
        assertThat(results).extracting(r -> r.result().id()).containsExactly("a", "b", "c");
        assertThat(results).allSatisfy(r -> assertThat(r.result().valid()).isTrue());
    }

    @Test
    void the_same_id_in_two_files_is_an_error_in_the_second_naming_the_first() throws IOException {
        Path first = write("a.json", "{\"id\": \"same\", \"entity_type\": \"order\", \"operations\": [\"update\"]}");
        write("b.json", "{\"id\": \"same\", \"entity_type\": \"order\", \"operations\": [\"update\"]}");

        List<DefinitionFiles.FileResult> results = files.load(List.of(dir));

        assertThat(results.get(0).result().valid()).isTrue();
        assertThat(results.get(1).result().errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("id");
            assertThat(e.message()).isEqualTo("workflow id 'same' is already defined in " + first);
        });
    }

    @Test
    void errors_are_formatted_as_file_path_message() {
        Path file = Path.of("workflows/order.json");

        assertThat(DefinitionFiles.format(file, new InputError("actions[2].dependencies[0]", "unknown dependency 'x'")))
                .isEqualTo(file + ": actions[2].dependencies[0]: unknown dependency 'x'");
        assertThat(DefinitionFiles.format(file, new InputError("", "line 1, column 2: not valid JSON: oops")))
                .isEqualTo(file + ": $: line 1, column 2: not valid JSON: oops");
    }

    @Test
    void load_valid_lists_every_error_of_every_file_each_on_one_line() throws IOException {
        Path a = write("a.json", "{\"entity_type\": \"order\", \"operations\": [\"upsert\"], \"tenat\": \"x\"}");
        Path b = write("b.yaml", "entity_type: order\noperations: [update\n");

        assertThatThrownBy(() -> files.loadValid(List.of(dir)))
                .isInstanceOf(FlowlineException.class)
                .hasMessage("invalid workflow definitions:\n"
                        + a + ": operations[0]: unknown operation 'upsert'; use create, update or delete\n"
                        + a + ": tenat: unknown field 'tenat'; did you mean 'tenant'? Fields known here: $schema,"
                        + " actions, conditions, description, enabled, entity_type, field_triggers, id, name,"
                        + " operations, tenant, version, workflow_settings\n"
                        + b + ": $: line 2, column 20: not valid YAML: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence)");
    }

    @Test
    void a_file_named_without_an_extension_is_read_as_yaml_and_named_after_the_whole_file_name() throws IOException {
        Path file = write("order-paid", "entity_type: order\noperations: [update]\nactions: " + ACTIONS + "\n");

        List<DefinitionFiles.FileResult> results = files.load(List.of(file));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.result().errors()).isEmpty();
            assertThat(r.result().id()).isEqualTo("order-paid");
        });
    }

    @Test
    void a_path_that_does_not_exist_is_reported() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> files.load(List.of(missing)))
                .isInstanceOf(FlowlineException.class)
                .hasMessage(missing + ": no such file or directory");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
