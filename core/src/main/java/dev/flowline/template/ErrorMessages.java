package dev.flowline.template;

import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;

/**
 * Turns Pebble's exceptions into Flowline's, with one sentence that says what is wrong, on which
 * line, and quotes the template. Stateless.
 */
final class ErrorMessages {

    private static final int QUOTED_LENGTH = 200;

    private ErrorMessages() {
    }

    static TemplateException doesNotCompile(String kind, String source, RuntimeException cause) {
        int line = line(cause);
        // anything but a Pebble exception here is Pebble's parser tripping over odd syntax
        String reason = cause instanceof PebbleException ? reason(cause)
                : "the syntax is not supported (" + cause.getClass().getSimpleName() + ")";
        String unclosed = unclosedTag(source);
        if (unclosed != null) {
            reason = "Unexpected end of template, \"" + unclosed + "\" is never closed";
        }
        return new TemplateException(kind + " does not compile: " + reason + where(line) + ": " + quote(source),
                null, line, cause);
    }

    static TemplateRenderException cannotRender(String kind, String source, RuntimeException cause) {
        Throwable reported = reported(cause);
        return new TemplateRenderException(
                kind + " cannot be rendered: " + renderReason(reported) + where(line(reported)) + ": " + quote(source),
                cause);
    }

    /**
     * The exception worth reporting: Pebble wraps failures in generic ones ("Could not perform
     * greater than comparison"), so prefer a missing variable or key anywhere in the chain, then the
     * innermost Pebble exception.
     */
    private static Throwable reported(Throwable cause) {
        Throwable innermostPebble = null;
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof AttributeNotFoundException) {
                return t;
            }
            if (t instanceof PebbleException) {
                innermostPebble = t;
            }
        }
        return innermostPebble == null ? cause : innermostPebble;
    }

    private static String renderReason(Throwable reported) {
        if (reported instanceof RootAttributeNotFoundException missing) {
            return rootMissing(missing);
        }
        String reason = reason(reported);
        Throwable detail = reported.getCause();
        if (reported instanceof PebbleException && detail != null && !(detail instanceof PebbleException)
                && detail.getMessage() != null) {
            reason += ": " + detail.getMessage();
        }
        return reason;
    }

    private static String rootMissing(RootAttributeNotFoundException missing) {
        String message = String.valueOf(missing.getPebbleMessage());
        if (message.startsWith("Root attribute")) {
            return "variable \"" + missing.getAttributeName() + "\" is not defined";
        }
        return "cannot read \"" + missing.getAttributeName() + "\" of null";
    }

    private static String reason(Throwable cause) {
        String message = cause instanceof PebbleException pebble ? pebble.getPebbleMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    private static int line(Throwable cause) {
        return cause instanceof PebbleException pebble && pebble.getLineNumber() != null ? pebble.getLineNumber() : -1;
    }

    private static String where(int line) {
        return line < 0 ? "" : " (line " + line + ")";
    }

    /** Pebble reports an unclosed tag as an odd token or character; say it plainly instead. */
    private static String unclosedTag(String source) {
        for (String[] pair : new String[][] {{"{{", "}}"}, {"{%", "%}"}, {"{#", "#}"}}) {
            if (source.lastIndexOf(pair[0]) > source.lastIndexOf(pair[1])) {
                return pair[0];
            }
        }
        return null;
    }

    static String quote(String source) {
        String shown = source.length() <= QUOTED_LENGTH ? source : source.substring(0, QUOTED_LENGTH) + "...";
        return '"' + shown.replace("\n", "\\n") + '"';
    }
}
