package dev.flowline.template;

import dev.flowline.FlowlineException;

/**
 * Thrown when a compiled template or expression cannot be rendered against a context.
 *
 * <p>Typical causes: an undefined variable, a missing map key, an index out of range, an access the
 * sandbox refuses, or an operation on values of the wrong type. The message names the variable or
 * attribute and quotes the template.
 */
public class TemplateRenderException extends FlowlineException {

    public TemplateRenderException(String message) {
        super(message);
    }

    public TemplateRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
