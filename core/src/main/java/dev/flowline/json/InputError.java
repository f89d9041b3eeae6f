package dev.flowline.json;

/**
 * One problem found in user input (a definition or an event), located by its JSON path.
 *
 * @param path    JSON path of the offending value, e.g. {@code actions[2].dependencies[0]}; empty for the whole document
 * @param message a sentence saying what is wrong and what to do
 */
public record InputError(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
