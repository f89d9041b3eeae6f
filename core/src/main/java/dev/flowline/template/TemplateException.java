package dev.flowline.template;

import dev.flowline.FlowlineException;

/**
 * Thrown when a template or an expression does not compile, or uses something the sandbox refuses.
 *
 * <p>The message says what is wrong and quotes the template; {@link #line()} is the line inside the
 * template and {@link #path()} the JSON path of the string that held it (when it came from
 * {@link TemplateEngine#compileValue(Object, String)}). Instances are immutable.
 */
public class TemplateException extends FlowlineException {

    private final String path;
    private final int line;

    public TemplateException(String message, String path, int line) {
        super(message);
        this.path = path;
        this.line = line;
    }

    public TemplateException(String message, String path, int line, Throwable cause) {
        super(message, cause);
        this.path = path;
        this.line = line;
    }

    /** The JSON path of the string holding the failing template, or {@code null} when unknown. */
    public String path() {
        return path;
    }

    /** The line inside the template where the problem is, or {@code -1} when unknown. */
    public int line() {
        return line;
    }

    /** Returns the same failure located at {@code newPath}, with the path leading the message. */
    TemplateException at(String newPath) {
        String message = newPath == null || newPath.isEmpty() ? getMessage() : newPath + ": " + getMessage();
        return new TemplateException(message, newPath, line, getCause());
    }
}
