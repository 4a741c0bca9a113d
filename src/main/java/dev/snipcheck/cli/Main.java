package dev.snipcheck.cli;

import dev.snipcheck.markdown.DocFinder;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.report.JsonReport;
import dev.snipcheck.report.TextReport;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.run.PageFiles;
import dev.snipcheck.run.PostgresOptionNames;
import dev.snipcheck.run.RunSettings;
import dev.snipcheck.run.RunSetup;
import dev.snipcheck.run.ServerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code snipcheck} command: finds the Markdown files, verifies their blocks, writes the report. */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** Not in the contract: snipcheck itself broke, which must not pass for a failed block (1) or bad usage (2). */
    static final int INTERNAL_ERROR = 3;
    /** How hints name the PostgreSQL options. */
    private static final PostgresOptionNames POSTGRES_OPTIONS =
            new PostgresOptionNames("--postgres", "--postgres-url", "--postgres-image IMAGE");

    private final PrintWriter out;
    private final PrintWriter err;
    private final Path workingDirectory;
    private final PageFiles pageFiles;
    private final Terminal terminal;
    private final ServerFactory servers;

    private Main(PrintWriter out, PrintWriter err, Path workingDirectory, Terminal terminal, ServerFactory servers) {
        this.out = out;
        this.err = err;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.pageFiles = new PageFiles(workingDirectory);
        this.terminal = terminal;
        this.servers = servers;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err), true);
        System.exit(run(args, out, err, Path.of("").toAbsolutePath()));
    }

    /**
     * Runs snipcheck as the command line would, writing to {@code out} and {@code err}.
     *
     * @return the exit status: 0 nothing failed, 1 a block failed, 2 bad usage or no database
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Path workingDirectory) {
        return run(args, out, err, workingDirectory, Terminal.detect(), ServerFactory.real());
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, Path workingDirectory, Terminal terminal,
                   ServerFactory servers) {
        try {
            return new Main(out, err, workingDirectory, terminal, servers).execute(args);
        } catch (RuntimeException e) {
            err.println("snipcheck: internal error, please report it:");
            e.printStackTrace(err);
            return INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int execute(String[] args) {
        Options options = new Options();
        CommandLine commandLine = new CommandLine(options);
        try {
            commandLine.parseArgs(args);
        } catch (ParameterException e) {
            return usageError(e.getMessage());
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(out);
            return OK;
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(out);
            return OK;
        }

        if (options.watch && (options.format == Options.Format.JSON || options.output != null)) {
            return usageError("--watch prints the text report as pages change; it cannot be combined with "
                    + "--format json or --output");
        }

        RunSettings settings;
        try {
            settings = options.runSettings();
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }

        List<Path> inputs;
        List<Page> pages;
        try {
            inputs = inputs(options.paths);
            pages = read(inputs);
        } catch (UsageError e) {
            return usageError(e.getMessage());
        } catch (NoSuchFileException e) {
            return usageError("no such file or directory: " + e.getFile());
        } catch (IOException e) {
            return usageError("cannot read " + e.getMessage());
        }

        Path outputFile = null;
        if (options.output != null) {
            try {
                outputFile = workingDirectory.resolve(options.output);
            } catch (InvalidPathException e) {
                return usageError("invalid --output path: " + options.output);
            }
        }
        boolean color = switch (options.color) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> outputFile == null && terminal.colors();
        };

        // opened before the run, so that a path that cannot be written fails in a second, not after the run
        try (PrintWriter report = outputFile == null ? null : openReport(outputFile);
             RunSetup run = new RunSetup(settings, System.getProperty("java.class.path"), servers, err::println)) {
            Progress progress = new Progress(err, pages.size(), terminal.interactive(), System::nanoTime);
            RunResult result;
            try {
                result = run.verify(pages, progress);
            } finally {
                progress.finish();
            }
            PrintWriter target = report == null ? out : report;
            TextReport textReport = new TextReport(color, options.verbose);
            switch (options.format) {
                case JSON -> new JsonReport().write(result, target);
                case TEXT -> textReport.write(result, target);
            }
            if (report != null && report.checkError()) {
                err.println("snipcheck: could not write the report to " + pageFiles.display(outputFile));
                return USAGE;
            }
            // a page that needed the server after all, and it failed to start: the report says which blocks
            Optional<DatabaseUnavailableException> failure = run.failure();
            if (failure.isPresent()) {
                return databaseUnavailable(failure.get(), settings);
            }
            // the server died during the run: the report gave the blocks it left reason `database`
            Optional<String> lost = run.lost();
            if (lost.isPresent()) {
                err.println("snipcheck: PostgreSQL unavailable: " + lost.get());
                return USAGE;
            }
            if (options.watch) {
                out.flush();
                new Watch(inputs, run, pageFiles::read, textReport, out, err).run();
            }
            return result.failed() ? FAILED : OK;
        } catch (IOException e) {
            return usageError("cannot write the report to " + pageFiles.display(outputFile) + ": " + e.getMessage());
        }
    }

    /** The paths to check, absolute; the defaults when none are given. */
    private List<Path> inputs(List<String> arguments) throws UsageError {
        List<Path> inputs = new ArrayList<>();
        if (arguments.isEmpty()) {
            for (String fallback : List.of("README.md", "docs")) {
                Path path = workingDirectory.resolve(fallback);
                if (Files.exists(path)) {
                    inputs.add(path);
                }
            }
            if (inputs.isEmpty()) {
                throw new UsageError("no PATH given, and neither README.md nor docs/ exists in " + workingDirectory);
            }
            return inputs;
        }
        for (String argument : arguments) {
            Path path;
            try {
                path = workingDirectory.resolve(argument).normalize();
            } catch (InvalidPathException e) {
                throw new UsageError("invalid path: " + argument);
            }
            // checked here, not left to DocFinder, so the message names the path as the user typed it
            if (!Files.exists(path)) {
                throw new UsageError("no such file or directory: " + argument);
            }
            inputs.add(path);
        }
        return inputs;
    }

    private List<Page> read(List<Path> inputs) throws IOException {
        List<Page> pages = new ArrayList<>();
        for (Path file : DocFinder.find(inputs)) {
            pages.add(pageFiles.read(file));
        }
        return pages;
    }

    private static PrintWriter openReport(Path file) throws IOException {
        try {
            return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // its message is only the path, which the report's error names already
            throw new IOException("its directory does not exist", e);
        }
    }

    private int usageError(String message) {
        err.println("snipcheck: " + message);
        err.println("Try 'snipcheck --help' for more information.");
        return USAGE;
    }

    private int databaseUnavailable(DatabaseUnavailableException e, RunSettings settings) {
        err.println("snipcheck: PostgreSQL unavailable: " + e.getMessage());
        if (e.getCause() != null && e.getCause().getMessage() != null) {
            err.println("  caused by: " + e.getCause().getMessage());
        }
        err.println("  hint: " + POSTGRES_OPTIONS.hint(settings.postgres(), e));
        return USAGE;
    }

    /** Bad command-line input, with the message to show. */
    private static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }
}
