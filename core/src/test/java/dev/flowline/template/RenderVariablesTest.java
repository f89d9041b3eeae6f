package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderVariablesTest {

    @Test
    void reads_come_from_the_callers_map_until_a_name_is_assigned() {
        Map<String, Object> given = Map.of("a", 1L, "b", 2L);
        RenderVariables variables = new RenderVariables(given);

        variables.put("a", 10L);

        assertThat(variables.get("a")).isEqualTo(10L);
        assertThat(variables.get("b")).isEqualTo(2L);
        assertThat(variables.containsKey("a")).isTrue();
        assertThat(variables.containsKey("c")).isFalse();
        assertThat(variables).containsOnly(Map.entry("a", 10L), Map.entry("b", 2L));
        assertThat(given).containsEntry("a", 1L);
    }

    @Test
    void an_immutable_callers_map_can_be_shadowed() {
        RenderVariables variables = new RenderVariables(Map.of("x", "given"));

        variables.put("x", "assigned");

        assertThat(variables.get("x")).isEqualTo("assigned");
    }
}
