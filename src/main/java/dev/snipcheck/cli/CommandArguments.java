package dev.snipcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.OptionalInt;

/** Reads a command's arguments into its options the way each of snipcheck's commands does, and says usage errors. */
final class CommandArguments {

    /** "snipcheck" or "snipcheck merge": how the user typed the command, which messages name. */
    private final String command;
    private final PrintWriter out;
    private final PrintWriter err;

    CommandArguments(String command, PrintWriter out, PrintWriter err) {
        this.command = command;
        this.out = out;
        this.err = err;
    }

    /**
     * Fills {@code options} from {@code args}; the exit status when that ends the command: an error in the arguments,
     * or the help or the version asked for and printed.
     */
    OptionalInt parse(Object options, String[] args) {
        CommandLine commandLine = new CommandLine(options);
        try {
            commandLine.parseArgs(args);
        } catch (ParameterException e) {
            return OptionalInt.of(usageError(e.getMessage()));
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(out);
            return OptionalInt.of(Main.OK);
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(out);
            return OptionalInt.of(Main.OK);
        }
        return OptionalInt.empty();
    }

    /** Says what is wrong with the command as typed; the exit status of a usage error. */
    int usageError(String message) {
        err.println(command + ": " + message);
        err.println("Try '" + command + " --help' for more information.");
        return Main.USAGE;
    }
}
