package dev.flowline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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

    public static void main(String[] args) {
        System.exit(new CommandLine(new FlowlineCommand()).execute(args));
    }
}
