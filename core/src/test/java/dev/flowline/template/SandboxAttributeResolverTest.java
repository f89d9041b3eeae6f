package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolver and the engine settings behind the compile-time checks, tested on their own. */
class SandboxAttributeResolverTest {

    private final SandboxAttributeResolver resolver = new SandboxAttributeResolver();
    private final ArgumentsNode noArguments = new ArgumentsNode(List.of(), List.of(), 1);

    private Object read(Object instance, Object name) {
        return resolver.resolve(instance, name, null, null, null, "t", 1).evaluatedValue;
    }

    @Test
    void a_method_call_is_refused_even_when_it_reaches_the_resolver() {
        assertThatThrownBy(() -> resolver.resolve(Map.of("a", 1L), "getClass", new Object[0], noArguments, null, "t", 1))
                .isInstanceOf(PebbleException.class)
                .isNotInstanceOf(AttributeNotFoundException.class)
                .hasMessageContaining("templates cannot call methods");
    }

    @Test
    void a_map_key_named_like_a_method_is_still_only_a_key() {
        assertThat(read(Map.of("getClass", "just data"), "getClass")).isEqualTo("just data");
    }

    @Test
    void reading_an_attribute_of_an_arbitrary_java_object_is_refused() {
        assertThatThrownBy(() -> read(new StringBuilder("x"), "length"))
                .isInstanceOf(PebbleException.class)
                .hasMessageContaining("Java object");
    }

    @Test
    void a_numeric_attribute_of_a_map_finds_the_string_key() {
        assertThat(read(Map.of("0", "zero"), 0L)).isEqualTo("zero");
    }

    @Test
    void pebble_refuses_every_method_and_keeps_no_template_cache() throws NoSuchMethodException {
        PebbleEngine pebble = PebbleFactory.create();

        assertThat(pebble.getEvaluationOptions().getMethodAccessValidator()
                .isMethodAccessAllowed("x", String.class.getMethod("length"))).isFalse();
        assertThat(pebble.getTemplateCache())
                .isInstanceOf(io.pebbletemplates.pebble.cache.template.NoOpTemplateCache.class);
        assertThat(pebble.isStrictVariables()).isTrue();
    }

    @Test
    void the_loader_serves_only_the_source_it_is_given() throws Exception {
        SourceOnlyLoader loader = new SourceOnlyLoader();

        assertThat(loader.resourceExists("/etc/passwd")).isFalse();
        assertThat(loader.resolveRelativePath("other.peb", "{{ x }}")).isNull();
        try (var reader = loader.getReader("{{ x }}")) {
            assertThat(new java.io.BufferedReader(reader).readLine()).isEqualTo("{{ x }}");
        }
    }
}
