package dev.flowline.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void templates_read_secrets_from_prefixed_environment_variables_only() {
        Secrets secrets = Secrets.fromEnvironment(Map.of("FLOWLINE_SECRET_CRM_TOKEN", "s3cr3t", "HOME", "/root"));
        TemplateEngine engine = new TemplateEngine(secrets);
        assertThat(engine.compile("Bearer {{ secret('CRM_TOKEN') }}").render(Map.of())).isEqualTo("Bearer s3cr3t");
        assertThatThrownBy(() -> engine.compile("{{ secret('HOME') }}").render(Map.of()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("secret 'HOME' is not defined").hasMessageContaining("FLOWLINE_SECRET_HOME");
    }

    @Test
    void a_secrets_file_adds_and_overrides_secrets() throws Exception {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "CRM_TOKEN=from-file\nHOOK_KEY=k3y\n");
        Secrets secrets = Secrets.fromEnvironment(Map.of("FLOWLINE_SECRET_CRM_TOKEN", "from-env")).and(Secrets.fromFile(file));
        assertThat(secrets.get("CRM_TOKEN")).isEqualTo("from-file");
        assertThat(secrets.get("HOOK_KEY")).isEqualTo("k3y");
        assertThat(secrets.names()).containsExactlyInAnyOrder("CRM_TOKEN", "HOOK_KEY");
    }

    @Test
    void masking_replaces_every_secret_value_in_text_and_nested_values() {
        Secrets secrets = Secrets.of(Map.of("A", "abc", "B", "abcdef"));
        assertThat(secrets.mask("x abcdef y abc z")).isEqualTo("x *** y *** z");
        assertThat(secrets.mask((Object) Map.of("k", List.of("token abc", 5L)))).isEqualTo(Map.of("k", List.of("token ***", 5L)));
        Object untouched = Map.of("k", "v");
        assertThat(Secrets.none().mask(untouched)).isSameAs(untouched);
    }

    @Test
    void secret_is_a_known_function_at_compile_time_and_its_name_must_be_a_string() {
        TemplateEngine engine = new TemplateEngine(Secrets.of(Map.of("X", "1")));
        assertThat(engine.compile("{{ secret('X') }}").rootVariables()).isEmpty();
        assertThatThrownBy(() -> engine.compile("{{ secret(5) }}").render(Map.of()))
                .isInstanceOf(TemplateRenderException.class).hasMessageContaining("name as a string");
    }
}
