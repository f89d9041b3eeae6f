package dev.flowline.bench;

import dev.flowline.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    @Test
    void the_last_line_is_one_json_object_with_the_figures_and_the_machine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report report = new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8), "demo");
        report.progress("working %d", 1);
        report.line("a human-readable line");
        report.put("events_per_s", 1234.5678).put("not_measured", Double.NaN).put("count", 3);
        report.finish();

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(lines.getLast());
        assertThat(json).containsEntry("benchmark", "demo").containsEntry("count", 3L)
                .containsEntry("events_per_s", 1235.0).containsKey("machine");
        assertThat(json.get("not_measured")).isNull();
        assertThat(lines).hasSize(3);
    }

    @Test
    void figures_are_rounded_to_what_the_noise_allows() {
        assertThat(Report.round(1234.5678)).isEqualTo(1235.0);
        assertThat(Report.round(12.3456)).isEqualTo(12.35);
        assertThat(Report.round(0.123456)).isEqualTo(0.1235);
    }
}
