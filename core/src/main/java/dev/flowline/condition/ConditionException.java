package dev.flowline.condition;

import dev.flowline.FlowlineException;

/** A condition could not be evaluated (a failing query, a template error); names the condition's path. */
public class ConditionException extends FlowlineException {

    private final String conditionPath;

    public ConditionException(String conditionPath, String message, Throwable cause) {
        super(conditionPath + ": " + message, cause);
        this.conditionPath = conditionPath;
    }

    public String conditionPath() {
        return conditionPath;
    }
}
