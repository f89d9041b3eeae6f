package dev.flowline.definition;

import dev.flowline.FlowlineException;
import dev.flowline.json.InputError;

import java.util.List;
import java.util.stream.Collectors;

/** A workflow definition has errors; {@link #errors()} lists each with its JSON path. */
public class DefinitionInvalidException extends FlowlineException {

    private final String workflowId;
    private final List<InputError> errors;

    public DefinitionInvalidException(String workflowId, List<InputError> errors) {
        super("workflow " + (workflowId == null ? "(no id)" : "'" + workflowId + "'") + " is invalid: "
                + errors.stream().map(InputError::toString).collect(Collectors.joining("; ")));
        this.workflowId = workflowId;
        this.errors = List.copyOf(errors);
    }

    /** The id of the invalid workflow, or null when it had none. */
    public String workflowId() {
        return workflowId;
    }

    public List<InputError> errors() {
        return errors;
    }
}
