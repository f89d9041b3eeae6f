package dev.flowline.template;

import io.pebbletemplates.pebble.extension.Function;
import java.util.Map;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.operator.Associativity;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.util.List;

/**
 * Flowline's additions to Pebble: the sandboxed attribute resolver and the {@code in} / {@code not in}
 * operators (with the {@code for} parser that has to go with them).
 *
 * <p>Both operators bind like {@code ==}: tighter than {@code and}/{@code or}, looser than
 * arithmetic and filters. Immutable, so thread-safe.
 */
final class SandboxExtension extends AbstractExtension {

    private static final int COMPARISON_PRECEDENCE = 30;

    private final Secrets secrets;

    SandboxExtension(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("secret", new SecretFunction(secrets));
    }

    @Override
    public List<AttributeResolver> getAttributeResolver() {
        return List.of(new SandboxAttributeResolver());
    }

    @Override
    public List<BinaryOperator> getBinaryOperators() {
        return List.of(
                new BinaryOperatorImpl("in", COMPARISON_PRECEDENCE, () -> new MembershipExpression(false),
                        BinaryOperatorType.NORMAL, Associativity.LEFT),
                new BinaryOperatorImpl("not in", COMPARISON_PRECEDENCE, () -> new MembershipExpression(true),
                        BinaryOperatorType.NORMAL, Associativity.LEFT));
    }

    @Override
    public List<TokenParser> getTokenParsers() {
        return List.of(new ForInTokenParser());
    }
}
