package dev.snipcheck.cli;

import dev.snipcheck.markdown.DocFinder;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.ProjectConfig;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.report.GithubAnnotations;
import dev.snipcheck.report.HtmlReport;
import dev.snipcheck.report.JsonReport;
import dev.snipcheck.report.JunitReport;
import dev.snipcheck.report.Report;
import dev.snipcheck.report.SarifReport;
import dev.snipcheck.report.TextReport;
import dev.snipcheck.timing.Timings;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.run.PageFiles;
import dev.snipcheck.run.PostgresOptionNames;
import dev.snipcheck.run.RunSettings;
import dev.snipcheck.run.RunSetup;
import dev.snipcheck.run.ServerFactory;
import dev.snipcheck.run.Shard;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final CommandArguments arguments;
    private final Path workingDirectory;
    private final PageFiles pageFiles;
    private final Terminal terminal;
    private final ServerFactory servers;
    private final Map<String, String> environment;

    private Main(PrintWriter out, PrintWriter err, Path workingDirectory, Terminal terminal, ServerFactory servers,
                 Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.arguments = new CommandArguments("snipcheck", out, err);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.pageFiles = new PageFiles(workingDirectory);
        this.terminal = terminal;
        this.servers = servers;
        this.environment = environment;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err), true);
        int status = run(args, out, err, Path.of("").toAbsolutePath(), Terminal.detect(), ServerFactory.real(),
                System.getenv());
        Timings.print(System.err);
        System.exit(status);
    }

    /**
     * Runs snipcheck as the command line would, writing to {@code out} and {@code err}, but for the process's
     * environment: a run inside a GitHub Actions job does not add annotations to the reports of its callers.
     *
     * @return the exit status: 0 nothing failed, 1 a block failed, 2 bad usage or no database
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Path workingDirectory) {
        return run(args, out, err, workingDirectory, Terminal.detect(), ServerFactory.real());
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, Path workingDirectory, Terminal terminal,
                   ServerFactory servers) {
        return run(args, out, err, workingDirectory, terminal, servers, Map.of());
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, Path workingDirectory, Terminal terminal,
                   ServerFactory servers, Map<String, String> environment) {
        try {
            return new Main(out, err, workingDirectory, terminal, servers, environment).execute(args);
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
        if (args.length > 0 && args[0].equals(Merge.NAME)) {
            return new Merge(out, err, workingDirectory, environment).run(Arrays.copyOfRange(args, 1, args.length));
        }
        Options options = new Options();
        OptionalInt done = arguments.parse(options, args);
        if (done.isPresent()) {
            return done.getAsInt();
        }

        if (options.watch && (options.format != Options.Format.TEXT || options.output != null
                || !options.reports.isEmpty())) {
            return usageError("--watch prints the text report as pages change; it cannot be combined with "
                    + "another --format, --output or --report");
        }

        if (options.watch && !options.shard.equals(Shard.ALL)) {
            return usageError("--watch re-verifies the pages as they change; it cannot be combined with --shard");
        }

        RunSettings settings;
        try {
            settings = options.runSettings();
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }

        List<Path> inputs;
        List<Page> pages;
        PageFiles configured;
        try {
            ProjectConfig config = pageFiles.config(Optional.ofNullable(options.config));
            if (!config.problems().isEmpty()) {
                err.println(config.describeProblems());
                return USAGE;
            }
            configured = pageFiles.with(config);
            inputs = inputs(options.paths);
            pages = options.shard.select(read(inputs, configured));
        } catch (UsageError e) {
            return usageError(e.getMessage());
        } catch (NoSuchFileException e) {
            return usageError("no such file or directory: " + e.getFile());
        } catch (IOException e) {
            return usageError("cannot read " + e.getMessage());
        }

        String classpath;
        try {
            classpath = classpath(options.classpath);
        } catch (UsageError e) {
            return usageError(e.getMessage());
        }

        Optional<Path> cache = Optional.empty();
        if (options.cache != null && !options.noCache) {
            try {
                cache = Optional.of(workingDirectory.resolve(options.cache).normalize());
            } catch (InvalidPathException e) {
                return usageError("invalid --cache directory: " + options.cache);
            }
        }

        Path outputFile = null;
        if (options.output != null) {
            try {
                outputFile = workingDirectory.resolve(options.output);
            } catch (InvalidPathException e) {
                return usageError("invalid --output path: " + options.output);
            }
        }
        Map<Path, Options.Format> reportFiles = new LinkedHashMap<>();
        for (Options.ReportFile file : options.reports) {
            Path path;
            try {
                path = workingDirectory.resolve(file.file()).normalize();
            } catch (InvalidPathException e) {
                return usageError("invalid --report path: " + file.file());
            }
            if (reportFiles.put(path, file.format()) != null || path.equals(outputFile)) {
                return usageError("two reports would be written to " + file.file());
            }
        }
        boolean color = switch (options.color) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> outputFile == null && terminal.colors();
        };

        // opened before the run, so that a path that cannot be written fails in a second, not after the run
        try (PrintWriter report = outputFile == null ? null : openReport(outputFile);
             ReportFiles extraReports = ReportFiles.open(reportFiles);
             RunSetup run = new RunSetup(settings, classpath, cache, servers, err::println)) {
            Progress progress = new Progress(err, pages.size(), terminal.interactive(), System::nanoTime);
            RunResult result;
            try {
                result = run.verify(pages, progress);
            } finally {
                progress.finish();
            }
            PrintWriter target = report == null ? out : report;
            TextReport textReport = new TextReport(color, options.verbose);
            // on a GitHub runner the plain command annotates the pull request; the runner reads only stdout
            if (options.format == Options.Format.TEXT && "true".equals(environment.get("GITHUB_ACTIONS"))) {
                new GithubAnnotations().writeAnnotations(result, out);
            }
            Report main = options.format == Options.Format.TEXT ? textReport
                    : report(options.format, options.verbose);
            try (var timed = Timings.start("11 write the report")) {
                main.write(result, target);
            }
            if (report != null && report.checkError()) {
                err.println("snipcheck: could not write the report to " + pageFiles.display(outputFile));
                return USAGE;
            }
            Optional<Path> unwritten = extraReports.write(format -> report(format, options.verbose), result);
            if (unwritten.isPresent()) {
                err.println("snipcheck: could not write the report to " + pageFiles.display(unwritten.get()));
                return USAGE;
            }
            if (options.html != null && !writeHtml(result, options.html)) {
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
                new Watch(inputs, run, configured::read, textReport, out, err).run();
            }
            return result.failed() ? FAILED : OK;
        } catch (ReportFiles.Unwritable e) {
            return usageError("cannot write the report to " + pageFiles.display(e.file()) + ": " + e.getMessage());
        } catch (IOException e) {
            return usageError("cannot write the report to " + pageFiles.display(outputFile) + ": " + e.getMessage());
        }
    }

    /** A report to write in {@code format}; a text report in a file is never colored. */
    static Report report(Options.Format format, boolean verbose) {
        return switch (format) {
            case TEXT -> new TextReport(false, verbose);
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport(Options.Version.version());
            case GITHUB -> new GithubAnnotations();
            case JUNIT -> new JunitReport();
        };
    }

    /** Writes the {@code --html} report; false, having said why, when it could not be written. */
    private boolean writeHtml(RunResult result, String directory) {
        try {
            new HtmlReport().write(result, workingDirectory.resolve(directory));
            return true;
        } catch (IOException | InvalidPathException e) {
            err.println("snipcheck: could not write the HTML report to " + directory + ": " + e.getMessage());
            return false;
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
            if (!Files.exists(path) && !DocFinder.isDanglingLink(path)) {
                throw new UsageError("no such file or directory: " + argument);
            }
            inputs.add(path);
        }
        return inputs;
    }

    /**
     * snipcheck's own class path, then the user's {@code --classpath} entries, absolute: snipcheck's pgjdbc and its
     * R2DBC provider come first, so that the blocks' own connections are redirected whatever the project brings.
     */
    private String classpath(String userClasspath) throws UsageError {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        if (userClasspath != null) {
            for (String entry : userClasspath.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path path;
                try {
                    path = workingDirectory.resolve(entry.strip()).normalize();
                } catch (InvalidPathException e) {
                    throw new UsageError("invalid --classpath entry: " + entry);
                }
                if (!Files.exists(path)) {
                    throw new UsageError("no such file or directory in --classpath: " + entry);
                }
                entries.add(path.toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private List<Page> read(List<Path> inputs, PageFiles configured) throws IOException {
        List<Page> pages = new ArrayList<>();
        for (Path file : DocFinder.find(inputs, link -> err.println("snipcheck: not read: " + shown(link) + " ("
                + DocFinder.DANGLING_LINK + ")"))) {
            try (var timed = Timings.start("01 read and parse pages")) {
                pages.add(configured.read(file));
            }
        }
        return pages;
    }

    /** A path as the user would type it: relative to the working directory when inside it. */
    private String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute).toString() : path.toString();
    }

    static PrintWriter openReport(Path file) throws IOException {
        try {
            return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // its message is only the path, which the report's error names already
            throw new IOException("its directory does not exist", e);
        }
    }

    private int usageError(String message) {
        return arguments.usageError(message);
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
