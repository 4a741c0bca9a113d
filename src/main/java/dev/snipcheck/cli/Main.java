package dev.snipcheck.cli;

import dev.snipcheck.markdown.DocFinder;
import dev.snipcheck.markdown.MarkdownReader;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.ImageUnavailableException;
import dev.snipcheck.postgres.PostgresSettings;
import dev.snipcheck.report.JsonReport;
import dev.snipcheck.report.TextReport;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.run.Verifier;
import dev.snipcheck.run.VerifyOptions;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.File;
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

    private final PrintWriter out;
    private final PrintWriter err;
    private final Path workingDirectory;
    private final Terminal terminal;
    private final ServerFactory servers;

    private Main(PrintWriter out, PrintWriter err, Path workingDirectory, Terminal terminal, ServerFactory servers) {
        this.out = out;
        this.err = err;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
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

        PostgresSettings postgres;
        try {
            postgres = options.postgresSettings();
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
             LazyServer server = new LazyServer(() -> servers.start(postgres, notice -> err.println("snipcheck: " + notice)))) {
            if (needsDatabase(pages)) {
                // it starts while the pages compile
                server.startInBackground();
            }
            VerifyOptions verifyOptions = new VerifyOptions(options.timeout, System.getProperty("java.class.path"),
                    options.jobs(), !options.noRuntimeDetectors, options.python);
            try (Verifier verifier = new Verifier(server, verifyOptions)) {
                Progress progress = new Progress(err, pages.size(), terminal.interactive(), System::nanoTime);
                RunResult result;
                try {
                    result = verifier.verify(pages, progress);
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
                    err.println("snipcheck: could not write the report to " + display(outputFile));
                    return USAGE;
                }
                // a page that needed the server after all, and it failed to start: the report says which blocks
                Optional<DatabaseUnavailableException> failure = server.failure();
                if (failure.isPresent()) {
                    return databaseUnavailable(failure.get(), options);
                }
                // the server died during the run: the report gave the blocks it left reason `database`
                Optional<String> lost = server.lost();
                if (lost.isPresent()) {
                    err.println("snipcheck: PostgreSQL unavailable: " + lost.get());
                    return USAGE;
                }
                if (options.watch) {
                    out.flush();
                    new Watch(inputs, verifier, file -> new MarkdownReader().read(file, display(file)), textReport,
                            out, err).run();
                }
                return result.failed() ? FAILED : OK;
            }
        } catch (IOException e) {
            return usageError("cannot write the report to " + display(outputFile) + ": " + e.getMessage());
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
            pages.add(new MarkdownReader().read(file, display(file)));
        }
        return pages;
    }

    private String display(Path file) {
        return display(workingDirectory, file);
    }

    /** Relative to the working directory when inside it, with forward slashes on every platform. */
    static String display(Path workingDirectory, Path file) {
        Path base = workingDirectory.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        String text = shown.toString();
        return File.separatorChar == '/' ? text : text.replace(File.separatorChar, '/');
    }

    /** True when some block would actually run or compile; pages that are skipped or malformed need no server. */
    static boolean needsDatabase(List<Page> pages) {
        return Verifier.needsDatabase(pages);
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

    private int databaseUnavailable(DatabaseUnavailableException e, Options options) {
        err.println("snipcheck: PostgreSQL unavailable: " + e.getMessage());
        if (e.getCause() != null && e.getCause().getMessage() != null) {
            err.println("  caused by: " + e.getCause().getMessage());
        }
        if (e instanceof ImageUnavailableException image) {
            err.println("  hint: choose another image with --postgres-image IMAGE (one that Docker has, or can pull),"
                    + " or start no container with --postgres=embedded");
        } else if (options.postgresUrl == null) {
            err.println("  hint: use --postgres-url to check against a running server instead");
        }
        return USAGE;
    }

    /** Bad command-line input, with the message to show. */
    private static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }
}
