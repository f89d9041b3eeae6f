package dev.flowline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;

/** The {@code flowline} command line: one subcommand per job. */
@Command(name = "flowline", mixinStandardHelpOptions = true, version = "flowline 0.1.0",
        description = "Event-driven workflow engine for business applications.",
        subcommands = {CommandLine.HelpCommand.class})
public final class FlowlineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** The command line with every subcommand, writing to the given streams (tests pass their own). */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new FlowlineCommand());
        cl.addSubcommand(new ValidateCommand(out, err));
        cl.addSubcommand(new RunCommand(out, err));
        cl.addSubcommand(new ServeCommand(out, err));
        cl.addSubcommand(dev.flowline.bench.BenchCommand.commandLine(out));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.out, System.err).execute(args));
    }
}
