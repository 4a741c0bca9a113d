package dev.snipcheck.maven;

import dev.snipcheck.report.JsonReport;
import dev.snipcheck.report.JunitReport;
import dev.snipcheck.report.Report;
import dev.snipcheck.report.SarifReport;
import dev.snipcheck.report.TextReport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A report the plugin writes into its report directory, under the file name the tools that read it look for:
 * {@code TEST-*.xml} for Surefire-style JUnit readers. GitHub annotations are no file: on a GitHub runner the plugin
 * prints them to the log, as the command line does.
 */
enum ReportFormat {
    TEXT("snipcheck.txt"),
    JSON("snipcheck.json"),
    SARIF("snipcheck.sarif"),
    JUNIT("TEST-snipcheck.xml");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }

    /** The report to write; {@code version} is the plugin's, which SARIF names as the tool's. */
    Report report(String version) {
        return switch (this) {
            case TEXT -> new TextReport(false, false);
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport(version);
            case JUNIT -> new JunitReport();
        };
    }

    /** The format named {@code name} in any case, e.g. {@code junit}. */
    static Optional<ReportFormat> named(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The names {@link #named} takes, for messages: {@code text, json, sarif, junit}. */
    static String names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
