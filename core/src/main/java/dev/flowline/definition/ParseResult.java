package dev.flowline.definition;

import dev.flowline.json.InputError;

import java.util.List;

/**
 * The outcome of parsing one definition: the definition when valid, else the errors; warnings either way.
 *
 * @param id         the workflow's id as far as it could be read, or null
 * @param definition the definition, or null when there are errors
 * @param errors     problems that make the definition unusable
 * @param warnings   things that work but are slow or suspicious
 */
public record ParseResult(String id, WorkflowDefinition definition, List<InputError> errors, List<InputError> warnings) {

    public ParseResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The definition, or a {@link DefinitionInvalidException} listing the errors. */
    public WorkflowDefinition orThrow() {
        if (!valid()) {
            throw new DefinitionInvalidException(id, errors);
        }
        return definition;
    }
}
