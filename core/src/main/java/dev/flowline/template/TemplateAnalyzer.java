package dev.flowline.template;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.extension.ExtensionRegistry;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.AutoEscapeNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.NamedArgumentNode;
import io.pebbletemplates.pebble.node.PositionalArgumentNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.RootNode;
import io.pebbletemplates.pebble.node.SetNode;
import io.pebbletemplates.pebble.node.TestInvocationExpression;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.node.expression.ArrayExpression;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.FunctionOrMacroInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBigDecimalExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBooleanExpression;
import io.pebbletemplates.pebble.node.expression.LiteralDoubleExpression;
import io.pebbletemplates.pebble.node.expression.LiteralIntegerExpression;
import io.pebbletemplates.pebble.node.expression.LiteralLongExpression;
import io.pebbletemplates.pebble.node.expression.LiteralNullExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.node.expression.MapExpression;
import io.pebbletemplates.pebble.node.expression.RenderableNodeExpression;
import io.pebbletemplates.pebble.node.expression.TernaryExpression;
import io.pebbletemplates.pebble.node.expression.UnaryExpression;
import io.pebbletemplates.pebble.utils.Pair;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a parsed template once, at compile time, to find the context variables it reads and to
 * refuse what Flowline does not allow.
 *
 * <p>A name counts as a root variable when it is read where no enclosing {@code for} binds it
 * (the loop variable and {@code loop}) and no earlier {@code set} assigned it. The walk also
 * rejects method-call syntax, {@code block()}/{@code parent()}, unknown filters, tests and
 * functions (Pebble itself would only notice those while rendering), and any node kind it does not
 * know, so the set of constructs a template may use is closed. Errors are {@link ParserException}s
 * carrying the line. One instance per walk; not thread-safe, and not shared.
 */
final class TemplateAnalyzer {

    /** What the walk found: the root variables in reading order and every {@code {{ }}} node. */
    record Result(Set<String> rootVariables, List<PrintNode> prints) {
    }

    private final ExtensionRegistry registry;
    private final Set<String> roots = new LinkedHashSet<>();
    private final Deque<String> loopNames = new ArrayDeque<>();
    private final Set<String> assigned = new HashSet<>();
    private final List<PrintNode> prints = new ArrayList<>();

    private TemplateAnalyzer(ExtensionRegistry registry) {
        this.registry = registry;
    }

    static Result analyze(RootNode root, ExtensionRegistry registry) {
        TemplateAnalyzer analyzer = new TemplateAnalyzer(registry);
        analyzer.node(root.getBody());
        return new Result(Collections.unmodifiableSet(analyzer.roots), List.copyOf(analyzer.prints));
    }

    private void node(RenderableNode node) {
        switch (node) {
            case null -> { }
            case BodyNode body -> body.getChildren().forEach(this::node);
            case TextNode ignored -> { }
            case PrintNode print -> {
                prints.add(print);
                expression(print.getExpression());
            }
            case IfNode branches -> {
                for (Pair<Expression<?>, BodyNode> branch : branches.getConditionsWithBodies()) {
                    expression(branch.getLeft());
                    node(branch.getRight());
                }
                node(branches.getElseBody());
            }
            case ForNode loop -> {
                expression(loop.getIterable());
                loopNames.push(loop.getIterationVariable());
                loopNames.push("loop");
                node(loop.getBody());
                loopNames.pop();
                loopNames.pop();
                node(loop.getElseBody());
            }
            case SetNode set -> {
                expression(set.getValue());
                assigned.add(set.getName());
            }
            case AutoEscapeNode escape -> node(escape.getBody());
            default -> throw unsupported(node.getClass().getSimpleName(), -1);
        }
    }

    private void expression(Expression<?> expression) {
        switch (expression) {
            case null -> { }
            case ContextVariableExpression variable -> read(variable.getName());
            case GetAttributeExpression attribute -> {
                if (attribute.getArgumentsNode() != null) {
                    throw new ParserException(null, "calling \"" + describe(attribute.getAttributeNameExpression())
                            + "(...)\" is not allowed, templates cannot call methods", attribute.getLineNumber(), null);
                }
                expression(attribute.getNode());
                expression(attribute.getAttributeNameExpression());
            }
            case FilterInvocationExpression filter -> {
                require(registry.getFilter(filter.getFilterName()) != null, "filter", filter.getFilterName(),
                        filter.getLineNumber());
                arguments(filter.getArgs());
            }
            case TestInvocationExpression test -> {
                require(registry.getTest(test.getTestName()) != null, "test", test.getTestName(), test.getLineNumber());
                arguments(test.getArgs());
            }
            case FunctionOrMacroInvocationExpression call -> {
                require(registry.getFunction(call.getFunctionName()) != null, "function", call.getFunctionName(),
                        call.getLineNumber());
                arguments(call.getArguments());
            }
            case BinaryExpression<?> binary -> {
                expression(binary.getLeftExpression());
                expression(binary.getRightExpression());
            }
            case RenderableNodeExpression rendered -> node(rendered.getNode());
            case UnaryExpression unary -> expression(unary.getChildExpression());
            case TernaryExpression ternary -> {
                expression(ternary.getExpression1());
                expression(ternary.getExpression2());
                expression(ternary.getExpression3());
            }
            case ArrayExpression array -> {
                if (array.getValues() != null) {
                    array.getValues().forEach(this::expression);
                }
            }
            case MapExpression map -> {
                if (map.getEntries() != null) {
                    map.getEntries().forEach((key, value) -> {
                        expression(key);
                        expression(value);
                    });
                }
            }
            case LiteralStringExpression ignored -> { }
            case LiteralLongExpression ignored -> { }
            case LiteralIntegerExpression ignored -> { }
            case LiteralDoubleExpression ignored -> { }
            case LiteralBigDecimalExpression ignored -> { }
            case LiteralBooleanExpression ignored -> { }
            case LiteralNullExpression ignored -> { }
            default -> throw unsupported(expression.getClass().getSimpleName(), expression.getLineNumber());
        }
    }

    private void arguments(ArgumentsNode arguments) {
        if (arguments == null) {
            return;
        }
        if (arguments.getPositionalArgs() != null) {
            for (PositionalArgumentNode argument : arguments.getPositionalArgs()) {
                expression(argument.getValueExpression());
            }
        }
        if (arguments.getNamedArgs() != null) {
            for (NamedArgumentNode argument : arguments.getNamedArgs()) {
                expression(argument.getValueExpression());
            }
        }
    }

    private void read(String name) {
        if (!loopNames.contains(name) && !assigned.contains(name)) {
            roots.add(name);
        }
    }

    private static void require(boolean known, String kind, String name, int line) {
        if (!known) {
            throw new ParserException(null, "there is no " + kind + " named \"" + name + "\"", line, null);
        }
    }

    private static String describe(Expression<?> attributeName) {
        return attributeName instanceof LiteralStringExpression literal ? literal.getValue() : "...";
    }

    private static ParserException unsupported(String construct, int line) {
        return new ParserException(null, "this construct is not available in Flowline templates ("
                + construct.replace("Expression", "").replace("Node", "") + ")", line, null);
    }
}
