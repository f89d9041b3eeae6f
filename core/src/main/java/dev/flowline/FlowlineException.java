package dev.flowline;

/**
 * Root of every exception Flowline throws on purpose.
 *
 * <p>Subclasses are named after the failure ({@code DefinitionInvalidException},
 * {@code LoopDetectedException}, ...) and carry the ids involved both in the message and as getters.
 */
public class FlowlineException extends RuntimeException {

    public FlowlineException(String message) {
        super(message);
    }

    public FlowlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
