package dev.flowline.cli;

import dev.flowline.FlowlineException;
import dev.flowline.definition.DefinitionFiles;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.json.InputError;
import dev.flowline.template.TemplateEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code flowline validate PATH...}: checks definitions and prints {@code file: path: message} per problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check workflow definitions (files or directories of .json/.yaml). Exit 0 when all are valid.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "definition files or directories")
    List<Path> paths;

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        DefinitionFiles files = new DefinitionFiles(new DefinitionParser(new TemplateEngine(), Set.of()));
        List<DefinitionFiles.FileResult> results;
        try {
            results = files.load(paths);
        } catch (FlowlineException e) {
            err.println("flowline validate: " + e.getMessage());
            return 1;
        }
        if (results.isEmpty()) {
            err.println("flowline validate: no .json, .yaml or .yml files found in " + paths);
            return 1;
        }
        int invalid = 0;
        int warnings = 0;
        for (DefinitionFiles.FileResult r : results) {
            for (InputError e : r.result().errors()) {
                out.println(DefinitionFiles.format(r.file(), e));
            }
            for (InputError w : r.result().warnings()) {
                out.println(DefinitionFiles.format(r.file(), new InputError(w.path(), "warning: " + w.message())));
                warnings++;
            }
            if (!r.result().valid()) {
                invalid++;
            }
        }
        err.printf("%d file(s) checked: %d valid, %d invalid, %d warning(s)%n", results.size(),
                results.size() - invalid, invalid, warnings);
        return invalid == 0 ? 0 : 1;
    }
}
