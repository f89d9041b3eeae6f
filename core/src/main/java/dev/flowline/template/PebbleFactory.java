package dev.flowline.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.core.DisallowExtensionCustomizerBuilder;
import java.util.List;
import java.util.Locale;

/**
 * Builds the one Pebble engine Flowline uses, with every choice that makes templates safe to take
 * from workflow definitions.
 *
 * <ul>
 *   <li>strict variables: an undefined variable or missing key is an error, never "";</li>
 *   <li>no auto-escaping (the output is JSON, text, SQL parameters, not HTML);</li>
 *   <li>no newline trimming after tags, so text keeps the line breaks its author wrote;</li>
 *   <li>no template cache: {@link CompiledTemplate} keeps the compiled template itself, and a cache
 *       keyed by user-written sources would only grow;</li>
 *   <li>a method-access validator that refuses every method, behind a
 *       {@linkplain SandboxAttributeResolver resolver} that never lets Pebble look for one;</li>
 *   <li>no tags that load or define other templates ({@code include}, {@code import},
 *       {@code from}, {@code extends}, {@code embed}, {@code block}, {@code macro}), nor
 *       {@code parallel}, {@code cache}, {@code flush}, nor the {@code i18n} function that reads
 *       resource bundles; the loader serves only the source being compiled;</li>
 *   <li>a fixed locale, so rendering does not depend on the machine.</li>
 * </ul>
 */
final class PebbleFactory {

    static final List<String> REMOVED_TAGS = List.of(
            "include", "import", "from", "extends", "embed", "block", "macro", "parallel", "cache", "flush");

    private PebbleFactory() {
    }

    static PebbleEngine create() {
        return create(false, Secrets.none());
    }

    /**
     * @param html    escape printed values for HTML (for e-mail bodies); otherwise no escaping
     * @param secrets what {@code secret('NAME')} reads
     */
    static PebbleEngine create(boolean html, Secrets secrets) {
        return new PebbleEngine.Builder()
                .loader(new SourceOnlyLoader())
                .strictVariables(true)
                .autoEscaping(html)
                .defaultEscapingStrategy("html")
                .newLineTrimming(false)
                .cacheActive(false)
                .defaultLocale(Locale.ROOT)
                .methodAccessValidator((object, method) -> false)
                .extension(new SandboxExtension(secrets))
                .registerExtensionCustomizer(new DisallowExtensionCustomizerBuilder()
                        .disallowedTokenParserTags(REMOVED_TAGS)
                        .disallowedFunctionKeys(List.of("i18n"))
                        .build())
                .build();
    }
}
