package dev.flowline.definition;

import dev.flowline.FlowlineException;
import dev.flowline.json.InputError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads workflow definitions from files and directories ({@code .json}, {@code .yaml}, {@code .yml}).
 *
 * <p>A definition without an {@code id} takes its file name without extension. Two files defining the same id is an
 * error in the second. Thread-safe if the parser is.
 */
public final class DefinitionFiles {

    private final DefinitionParser parser;

    public DefinitionFiles(DefinitionParser parser) {
        this.parser = parser;
    }

    /**
     * The result of one file.
     *
     * @param file   the file
     * @param result its parse result
     */
    public record FileResult(Path file, ParseResult result) {
    }

    /** Parses every definition file under the given files or directories (recursively, in name order). */
    public List<FileResult> load(List<Path> paths) {
        List<FileResult> out = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files(paths)) {
            ParseResult r = parse(file);
            if (r.id() != null && r.valid()) {
                Path first = seen.putIfAbsent(r.id(), file);
                if (first != null) {
                    r = new ParseResult(r.id(), null, List.of(new InputError("id", "workflow id '" + r.id()
                            + "' is already defined in " + first)), r.warnings());
                }
            }
            out.add(new FileResult(file, r));
        }
        return out;
    }

    /** Loads and returns every definition, or throws listing every error of every file. */
    public List<WorkflowDefinition> loadValid(List<Path> paths) {
        List<FileResult> results = load(paths);
        List<String> problems = new ArrayList<>();
        List<WorkflowDefinition> defs = new ArrayList<>();
        for (FileResult f : results) {
            for (InputError e : f.result().errors()) {
                problems.add(format(f.file(), e));
            }
            if (f.result().valid()) {
                defs.add(f.result().definition());
            }
        }
        if (!problems.isEmpty()) {
            throw new FlowlineException("invalid workflow definitions:\n" + String.join("\n", problems));
        }
        return defs;
    }

    /** {@code file: path: message}, the format {@code flowline validate} prints. */
    public static String format(Path file, InputError e) {
        return file + ": " + (e.path().isEmpty() ? "$" : e.path()) + ": " + e.message();
    }

    private ParseResult parse(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return parser.parse(text, !name.toLowerCase(Locale.ROOT).endsWith(".json"), stem);
        } catch (IOException e) {
            return new ParseResult(stem, null, List.of(new InputError("", "cannot read file: " + e.getMessage())),
                    List.of());
        }
    }

    private static List<Path> files(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(DefinitionFiles::isDefinition).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new FlowlineException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new FlowlineException(p + ": no such file or directory");
            }
        }
        return out;
    }

    private static boolean isDefinition(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
