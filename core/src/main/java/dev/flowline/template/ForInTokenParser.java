package dev.flowline.template;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

/**
 * Parses {@code {% for x in items %}...{% else %}...{% endfor %}} into Pebble's {@link ForNode}.
 *
 * <p>It replaces Pebble's own {@code for} parser only because {@code in} is now also a binary
 * operator ({@link MembershipExpression}), so the lexer hands the {@code in} of a loop over as an
 * operator token where Pebble's parser expects a name; this one accepts both. Stateless, so
 * thread-safe.
 */
final class ForInTokenParser implements TokenParser {

    @Override
    public String getTag() {
        return "for";
    }

    @Override
    public RenderableNode parse(Token token, Parser parser) {
        TokenStream stream = parser.getStream();
        stream.next();
        String variable = parser.getExpressionParser().parseNewVariableName();

        Token in = stream.current();
        if (!in.test(Token.Type.OPERATOR, "in") && !in.test(Token.Type.NAME, "in")) {
            throw new ParserException(null, "a for tag needs \"in\" after its loop variable, as in"
                    + " {% for item in items %}", in.getLineNumber(), stream.getFilename());
        }
        stream.next();
        Expression<?> iterable = parser.getExpressionParser().parseExpression();
        stream.expect(Token.Type.EXECUTE_END);

        BodyNode body = parser.subparse(next -> next.test(Token.Type.NAME, "else", "endfor"));
        BodyNode elseBody = null;
        if (stream.current().test(Token.Type.NAME, "else")) {
            stream.next();
            stream.expect(Token.Type.EXECUTE_END);
            elseBody = parser.subparse(next -> next.test(Token.Type.NAME, "endfor"));
        }
        if (stream.current().getValue() == null) {
            throw new ParserException(null, "Unexpected end of template, the for tag is not closed by {% endfor %}",
                    stream.current().getLineNumber(), stream.getFilename());
        }
        stream.next();
        stream.expect(Token.Type.EXECUTE_END);
        return new ForNode(token.getLineNumber(), variable, iterable, body, elseBody);
    }
}
