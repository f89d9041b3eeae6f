package dev.flowline.event;

import dev.flowline.FlowlineException;
import dev.flowline.json.InputError;

import java.util.List;
import java.util.stream.Collectors;

/** An entity event could not be accepted; {@link #errors()} says where and why. */
public class EventInvalidException extends FlowlineException {

    private final List<InputError> errors;

    public EventInvalidException(List<InputError> errors) {
        super("invalid event: " + errors.stream().map(InputError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
