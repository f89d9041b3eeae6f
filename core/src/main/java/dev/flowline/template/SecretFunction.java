package dev.flowline.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.List;
import java.util.Map;

/** The {@code secret('NAME')} template function: the value of a named secret, an error when it is not defined. */
final class SecretFunction implements Function {

    private final Secrets secrets;

    SecretFunction(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public List<String> getArgumentNames() {
        return List.of("name");
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
        Object name = args.get("name");
        if (!(name instanceof String n)) {
            throw new PebbleException(null, "secret() takes the secret's name as a string", lineNumber, self.getName());
        }
        String value = secrets.get(n);
        if (value == null) {
            throw new PebbleException(null, "secret '" + n + "' is not defined: set the environment variable "
                    + Secrets.ENV_PREFIX + n + " or add it to the secrets file", lineNumber, self.getName());
        }
        return value;
    }
}
