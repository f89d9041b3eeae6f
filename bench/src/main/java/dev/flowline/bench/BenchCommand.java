package dev.flowline.bench;

import dev.flowline.bench.e2e.E2eBenchmark;
import dev.flowline.bench.match.MatchBenchmark;
import dev.flowline.bench.strategies.ConditionsBenchmark;
import dev.flowline.bench.strategies.DagBenchmark;
import dev.flowline.bench.strategies.TemplatesBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;

/**
 * {@code flowline bench}: the benchmarks of docs/benchmarks.md. Each prints progress, a human-readable report and,
 * as its last line, one JSON object with its figures. Not thread-safe: one command line, one run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: match, conditions, templates, dag, e2e, jmh, plot. Each ends with one JSON line.")
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The {@code bench} command with its subcommands, writing reports to {@code out}. */
    public static CommandLine commandLine(PrintStream out) {
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.addSubcommand(new MatchBenchmark(out));
        cl.addSubcommand(new ConditionsBenchmark(out));
        cl.addSubcommand(new TemplatesBenchmark(out));
        cl.addSubcommand(new DagBenchmark(out));
        cl.addSubcommand(new E2eBenchmark(out));
        cl.addSubcommand(new dev.flowline.bench.jmh.JmhCommand(out));
        return cl;
    }
}
