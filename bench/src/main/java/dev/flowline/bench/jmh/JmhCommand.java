package dev.flowline.bench.jmh;

import dev.flowline.bench.Report;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code flowline bench jmh [JMH options]}: the JMH micro-benchmarks of the hot paths (matcher, conditions, templates,
 * event parsing). Without options it runs them all with one fork, 3 warm-up and 5 measured iterations of 1 s; any JMH
 * option (a benchmark regex, {@code -f}, {@code -i}, {@code -prof gc}, ...) replaces those defaults. Not thread-safe:
 * one run at a time.
 */
@Command(name = "jmh", description = "JMH micro-benchmarks of the hot paths; JMH options pass through (e.g. Matcher -f 1).")
public final class JmhCommand implements Callable<Integer> {

    static final List<String> DEFAULTS = List.of("-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s",
            "-tu", "us", "-bm", "avgt");

    @Unmatched
    List<String> args = new ArrayList<>();

    private final PrintStream out;

    public JmhCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.println("Usage: flowline bench jmh [JMH options] [benchmark regex]");
            out.println("Without options: " + String.join(" ", DEFAULTS) + " dev.flowline.bench.jmh");
            out.println("Benchmarks: MatcherBenchmarks, ConditionBenchmarks, TemplateBenchmarks, EventParseBenchmarks.");
            out.println("JMH options:");
            new CommandLineOptions("-h").showHelp();
            return 0;
        }
        List<String> options = new ArrayList<>(args.isEmpty() ? DEFAULTS : args);
        if (options.stream().noneMatch(a -> a.startsWith("dev.") || !a.startsWith("-") && options.indexOf(a) == 0)) {
            options.add("dev.flowline.bench.jmh");
        }
        CommandLineOptions parsed;
        try {
            parsed = new CommandLineOptions(options.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            out.println("flowline bench jmh: " + e.getMessage() + " (see flowline bench jmh --help)");
            return 2;
        }
        Collection<RunResult> results = new Runner(parsed).run();
        Report report = new Report(out, "jmh");
        Map<String, Object> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            var primary = r.getPrimaryResult();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("score", Report.round(primary.getScore()));
            double error = primary.getScoreError();
            s.put("error", Double.isFinite(error) ? Report.round(error) : null);
            s.put("unit", primary.getScoreUnit());
            scores.put(r.getParams().getBenchmark().replace("dev.flowline.bench.jmh.", ""), s);
        }
        report.put("results", scores).put("options", String.join(" ", options));
        report.finish();
        return 0;
    }
}
