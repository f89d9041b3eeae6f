package dev.flowline.cli.functional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void valid_definitions_exit_zero() throws Exception {
        Files.writeString(dir.resolve("ok.yaml"), """
                entity_type: order
                operations: [create]
                actions:
                  - {id: a, type: notification, recipients: [x], body: "hi {{ entity.id }}"}
                """);
        CliRun run = CliRun.of("validate", dir.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("1 file(s) checked: 1 valid, 0 invalid");
    }

    @Test
    void each_error_is_printed_as_file_path_message_and_the_exit_is_one() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"id": "bad", "entity_type": "order", "operations": ["update"],
                 "conditions": [{"type": "field", "field": "status", "operator": "equals", "value": "x"}],
                 "actions": [{"id": "a", "type": "notification", "recipients": ["x"], "body": "{{ data.length }}"},
                             {"id": "b", "type": "teleport"}]}""");
        Files.writeString(dir.resolve("ok.json"), """
                {"entity_type": "order", "operations": ["create"],
                 "actions": [{"id": "a", "type": "set", "values": {"x": 1}}]}""");
        CliRun run = CliRun.of("validate", bad.toString(), dir.resolve("ok.json").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(bad + ": conditions[0].operator: unknown operator 'equals'")
                .contains(bad + ": actions[1].type: unknown action type 'teleport'");
        assertThat(run.err()).contains("2 file(s) checked: 1 valid, 1 invalid");
    }

    @Test
    void a_template_reading_an_unavailable_variable_is_reported_at_its_path() throws Exception {
        Path bad = dir.resolve("vars.json");
        Files.writeString(bad, """
                {"entity_type": "order", "operations": ["create"], "actions": [
                  {"id": "q", "type": "set", "values": {"n": 1}, "result_variable": "data"},
                  {"id": "a", "type": "notification", "recipients": ["x"], "body": "{{ data.n }}"}]}""");
        CliRun run = CliRun.of("validate", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(bad + ": actions[1].body: template reads 'data'")
                .contains("add 'q' to dependencies");
    }

    @Test
    void a_missing_path_is_a_clear_error() {
        CliRun run = CliRun.of("validate", dir.resolve("nope").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("nope: no such file or directory");
    }
}
