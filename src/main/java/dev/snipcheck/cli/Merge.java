package dev.snipcheck.cli;

import dev.snipcheck.report.GithubAnnotations;
import dev.snipcheck.report.JsonReportReader;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.run.PageFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code snipcheck merge}: the JSON reports of the parts of a sharded run ({@code --shard K/N}) as the one report of
 * the whole run, in any format, with the exit status of its verdicts.
 */
final class Merge {

    static final String NAME = "merge";

    @Command(
            name = "snipcheck merge",
            mixinStandardHelpOptions = true,
            versionProvider = Options.Version.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {
                "Merges the JSON reports of the parts of a run split with --shard K/N into the report of the whole"
                        + " run. Run it where the parts ran: it reads the pages again, for the lines the text"
                        + " report quotes.",
                "Exit status: 0 when no block failed, 1 when a block failed, 2 for bad usage or a report that"
                        + " cannot be merged."
            })
    static final class MergeOptions {
        @Parameters(paramLabel = "REPORT", arity = "1..*", description = "The JSON reports of the parts.")
        List<String> parts = new ArrayList<>();

        @Option(
                names = "--format",
                paramLabel = "text|json|sarif|github|junit",
                defaultValue = "text",
                converter = Options.FormatConverter.class,
                description = "Format of the merged report (default: ${DEFAULT-VALUE}).")
        Options.Format format;

        @Option(names = "--output", paramLabel = "FILE", description = "Write it to FILE instead of stdout.")
        String output;

        @Option(
                names = "--report",
                paramLabel = "FORMAT=FILE",
                converter = Options.ReportFileConverter.class,
                description = "Also write it in FORMAT (text, json, sarif, github, junit) to FILE; repeatable.")
        List<Options.ReportFile> reports = new ArrayList<>();
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final CommandArguments arguments;
    private final Path workingDirectory;
    private final PageFiles pageFiles;
    private final Map<String, String> environment;

    Merge(PrintWriter out, PrintWriter err, Path workingDirectory, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.arguments = new CommandArguments("snipcheck merge", out, err);
        this.workingDirectory = workingDirectory;
        this.pageFiles = new PageFiles(workingDirectory);
        this.environment = environment;
    }

    int run(String[] args) {
        MergeOptions options = new MergeOptions();
        OptionalInt done = arguments.parse(options, args);
        if (done.isPresent()) {
            return done.getAsInt();
        }
        JsonReportReader reader = new JsonReportReader(page -> pageFiles.read(workingDirectory.resolve(page)));
        RunResult result;
        try {
            for (String part : options.parts) {
                reader.add(part, Files.readString(workingDirectory.resolve(part), StandardCharsets.UTF_8));
            }
            result = reader.result("(merged from " + options.parts.size() + " reports)");
        } catch (JsonReportReader.Unreadable e) {
            return usageError(e.getMessage());
        } catch (NoSuchFileException e) {
            return usageError("no such report: " + e.getFile());
        } catch (IOException | InvalidPathException e) {
            return usageError("cannot read a report: " + e.getMessage());
        }
        Map<Path, Options.Format> files = new LinkedHashMap<>();
        for (Options.ReportFile file : options.reports) {
            try {
                files.put(workingDirectory.resolve(file.file()).normalize(), file.format());
            } catch (InvalidPathException e) {
                return usageError("invalid --report path: " + file.file());
            }
        }
        try (PrintWriter file = options.output == null ? null
                : Main.openReport(workingDirectory.resolve(options.output));
             ReportFiles extraReports = ReportFiles.open(files)) {
            // as a run does: on a GitHub runner the text report's job annotates the pull request too
            if (options.format == Options.Format.TEXT && "true".equals(environment.get("GITHUB_ACTIONS"))) {
                new GithubAnnotations().writeAnnotations(result, out);
            }
            PrintWriter target = file == null ? out : file;
            Main.report(options.format, false).write(result, target);
            if (target.checkError()) {
                err.println("snipcheck merge: could not write the merged report to " + options.output);
                return Main.USAGE;
            }
            Optional<Path> unwritten = extraReports.write(format -> Main.report(format, false), result);
            if (unwritten.isPresent()) {
                err.println("snipcheck merge: could not write the merged report to " + unwritten.get());
                return Main.USAGE;
            }
        } catch (ReportFiles.Unwritable e) {
            return usageError("cannot write the merged report to " + e.file() + ": " + e.getMessage());
        } catch (IOException | InvalidPathException e) {
            return usageError("cannot write the merged report to " + options.output + ": " + e.getMessage());
        }
        return result.failed() ? Main.FAILED : Main.OK;
    }

    private int usageError(String message) {
        return arguments.usageError(message);
    }
}
