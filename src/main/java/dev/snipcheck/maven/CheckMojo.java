package dev.snipcheck.maven;

import dev.snipcheck.markdown.DocFinder;
import dev.snipcheck.markdown.Durations;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.markdown.ProjectConfig;
import dev.snipcheck.postgres.Backend;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.PostgresSettings;
import dev.snipcheck.report.GithubAnnotations;
import dev.snipcheck.report.TextReport;
import dev.snipcheck.result.RunResult;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.run.PageFiles;
import dev.snipcheck.run.PostgresOptionNames;
import dev.snipcheck.run.RunSettings;
import dev.snipcheck.run.RunSetup;
import dev.snipcheck.run.ServerFactory;
import dev.snipcheck.run.Shard;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Goal {@code snipcheck:check}: verifies the project's Markdown docs in {@code verify}, against the project's test
 * class path, and fails the build when a block fails. Each parameter is the command line's option of the same
 * meaning, and can be set with {@code -Dsnipcheck.NAME} (the JUnit engine's names).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public final class CheckMojo extends AbstractMojo {

    /** How hints name the PostgreSQL parameters. */
    private static final PostgresOptionNames POSTGRES_NAMES =
            new PostgresOptionNames("<postgres>", "<postgresUrl>", "<postgresImage>");

    /** Markdown files and directories, relative to the project; by default README.md and docs/, where they exist. */
    @Parameter(property = "snipcheck.paths")
    private List<String> paths;

    /** Where PostgreSQL comes from: auto, testcontainers, embedded or external. */
    @Parameter(property = "snipcheck.postgres", defaultValue = "auto")
    private String postgres;

    /** The JDBC or libpq URL of a running server to check against (an external server). */
    @Parameter(property = "snipcheck.postgres.url")
    private String postgresUrl;

    /** The container image of the testcontainers backend. */
    @Parameter(property = "snipcheck.postgres.image", defaultValue = PostgresSettings.DEFAULT_IMAGE)
    private String postgresImage;

    /** Keep the container running after the build and use it again in the next one. */
    @Parameter(property = "snipcheck.postgres.reuse", defaultValue = "false")
    private boolean postgresReuse;

    /** How long pulling a missing image may take; past it, auto uses the embedded server. */
    @Parameter(property = "snipcheck.postgres.pull-timeout", defaultValue = "60s")
    private String postgresPullTimeout;

    /** The Python 3 that runs python blocks; it must import psycopg and psycopg_pool. */
    @Parameter(property = "snipcheck.python", defaultValue = RunSettings.DEFAULT_PYTHON)
    private String python;

    /** Environment variables of the build that blocks may see; they see none but PATH, HOME, LANG and a few more. */
    @Parameter(property = "snipcheck.passEnv")
    private List<String> passEnv;

    /** The time limit of a block that sets none, e.g. 30s, 2m or 500ms. */
    @Parameter(property = "snipcheck.timeout", defaultValue = RunSettings.DEFAULT_TIMEOUT)
    private String timeout;

    /** The project config: options, placeholders and prelude files; {@code snipcheck.yaml} in the basedir when there is one. */
    @Parameter(property = "snipcheck.config")
    private File config;

    /** How many pages run at once; one per core when not set. */
    @Parameter(property = "snipcheck.jobs")
    private Integer jobs;

    /** Only part K of N of the pages, e.g. 2/4, split as the command line's --shard splits them. */
    @Parameter(property = "snipcheck.shard", defaultValue = "1/1")
    private String shard;

    /**
     * The verdict cache: {@code true} for {@code target/snipcheck-cache} (where the JUnit engine's
     * {@code snipcheck.cache=true} keeps it too), a directory relative to the project, or {@code false}.
     */
    @Parameter(property = "snipcheck.cache", defaultValue = "false")
    private String cache;

    /** The reports to write into the report directory: text, json, sarif and junit (TEST-snipcheck.xml). */
    @Parameter(property = "snipcheck.formats", defaultValue = "junit")
    private List<String> formats;

    @Parameter(property = "snipcheck.reportDirectory", defaultValue = "${project.build.directory}/snipcheck-reports")
    private File reportDirectory;

    /** Skips the check, e.g. {@code mvn install -Dsnipcheck.skip}. */
    @Parameter(property = "snipcheck.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /** The project's own classes, test classes and dependencies: what its docs use. */
    @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true)
    private List<String> testClasspath;

    /** snipcheck and its dependencies, which the worker JVMs run. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true)
    private List<Artifact> pluginArtifacts;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("snipcheck: skipped (snipcheck.skip)");
            return;
        }
        RunSettings settings = settings();
        List<ReportFormat> reports = reportFormats();
        PageFiles pageFiles = configured(new PageFiles(basedir.toPath()));
        Shard part = Shard.parse(shard).orElseThrow(() -> new MojoExecutionException(
                "<shard> is '" + shard + "'; expected " + Shard.SYNTAX));
        List<Page> pages = part.select(read(pageFiles));
        RunResult result;
        try (RunSetup run = new RunSetup(settings, classpath(), cacheDirectory(), ServerFactory.real(),
                getLog()::info)) {
            result = run.verify(pages, page -> { });
            log(result);
            writeReports(reports, result, pageFiles);
            Optional<DatabaseUnavailableException> failure = run.failure();
            if (failure.isPresent()) {
                DatabaseUnavailableException e = failure.get();
                throw new MojoExecutionException("PostgreSQL unavailable: " + e.getMessage()
                        + (e.getCause() != null && e.getCause().getMessage() != null
                        ? "\n  caused by: " + e.getCause().getMessage() : "")
                        + "\n  hint: " + POSTGRES_NAMES.hint(settings.postgres(), e), e);
            }
            Optional<String> lost = run.lost();
            if (lost.isPresent()) {
                throw new MojoExecutionException("PostgreSQL unavailable: " + lost.get());
            }
        }
        if (result.failed()) {
            long blocks = result.pages().stream().mapToLong(p -> p.blocks().size()).sum();
            throw new MojoFailureException(result.count(Verdict.FAILED) + " of " + blocks + " doc blocks failed");
        }
    }

    /** The compiler-style messages of the failed blocks as errors, so that Maven's log shows them as such. */
    private void log(RunResult result) {
        StringWriter text = new StringWriter();
        new TextReport(false, false).write(result, new PrintWriter(text));
        for (String line : text.toString().split("\\R")) {
            if (result.failed()) {
                getLog().error(line);
            } else {
                getLog().info(line);
            }
        }
        // on a GitHub runner the plain workflow commands annotate the pull request; the runner reads only stdout
        if ("true".equals(System.getenv("GITHUB_ACTIONS"))) {
            PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            new GithubAnnotations().writeAnnotations(result, out);
            out.flush();
        }
    }

    private void writeReports(List<ReportFormat> reports, RunResult result, PageFiles pageFiles)
            throws MojoExecutionException {
        if (reports.isEmpty()) {
            return;
        }
        Path directory = reportDirectory.toPath();
        try {
            Files.createDirectories(directory);
            for (ReportFormat format : reports) {
                Path file = directory.resolve(format.fileName());
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                    format.report(pluginVersion).write(result, out);
                    if (out.checkError()) {
                        throw new IOException("write failed");
                    }
                }
                getLog().info("snipcheck: " + format.name().toLowerCase() + " report: " + pageFiles.display(file));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the reports to " + pageFiles.display(directory) + ": "
                    + e.getMessage(), e);
        }
    }

    private RunSettings settings() throws MojoExecutionException {
        Duration limit = Durations.parse(timeout)
                .orElseThrow(() -> new MojoExecutionException(
                        "<timeout> is '" + timeout + "', not a duration; " + Durations.HINT));
        if (jobs != null && jobs < 1) {
            throw new MojoExecutionException("<jobs> is " + jobs + ", not a number of pages of at least 1");
        }
        Backend backend = Backend.named(postgres).orElseThrow(() -> new MojoExecutionException(
                "<postgres> is '" + postgres + "'; expected one of " + Backend.CHOICES));
        Duration pullTimeout = Durations.parse(postgresPullTimeout)
                .orElseThrow(() -> new MojoExecutionException(
                        "<postgresPullTimeout> is '" + postgresPullTimeout + "', not a duration; " + Durations.HINT));
        Optional<String> url = Optional.ofNullable(postgresUrl).map(String::strip).filter(u -> !u.isEmpty());
        PostgresSettings server;
        try {
            server = new PostgresSettings(backend, url, postgresImage.strip(), postgresReuse, pullTimeout);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<postgres> and <postgresUrl> contradict each other: " + e.getMessage());
        }
        RunSettings defaults = RunSettings.defaults();
        return new RunSettings(limit, jobs == null ? defaults.jobs() : jobs, server, defaults.detectors(), python.strip(),
                passEnv == null ? List.of() : passEnv);
    }

    private Optional<Path> cacheDirectory() throws MojoExecutionException {
        String text = cache == null ? "" : cache.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        try {
            String directory = text.equalsIgnoreCase("true") ? RunSettings.DEFAULT_CACHE : text;
            return Optional.of(basedir.toPath().resolve(directory).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw new MojoExecutionException(
                    "<cache> is '" + cache + "', not a directory; write true, false or a path");
        }
    }

    private List<ReportFormat> reportFormats() throws MojoExecutionException {
        List<ReportFormat> reports = new ArrayList<>();
        for (String name : formats == null ? List.<String>of() : formats) {
            if (name.isBlank()) {
                continue;
            }
            ReportFormat format = ReportFormat.named(name).orElseThrow(() -> new MojoExecutionException(
                    "<formats> names '" + name + "'; expected some of " + ReportFormat.names()));
            if (!reports.contains(format)) {
                reports.add(format);
            }
        }
        return reports;
    }

    /** The page files read with the project config; a malformed one fails the build, compiler-style. */
    private PageFiles configured(PageFiles pageFiles) throws MojoExecutionException, MojoFailureException {
        ProjectConfig projectConfig;
        try {
            projectConfig = pageFiles.config(Optional.ofNullable(config).map(File::toPath));
        } catch (IOException e) {
            throw new MojoExecutionException("<config> names " + config + ": no such file", e);
        }
        if (!projectConfig.problems().isEmpty()) {
            getLog().error(projectConfig.describeProblems());
            throw new MojoFailureException(projectConfig.displayPath() + " is malformed");
        }
        return pageFiles.with(projectConfig);
    }

    private List<Page> read(PageFiles pageFiles) throws MojoExecutionException {
        Path base = basedir.toPath().toAbsolutePath().normalize();
        List<Path> inputs = new ArrayList<>();
        if (paths == null || paths.isEmpty()) {
            for (String fallback : List.of("README.md", "docs")) {
                if (Files.exists(base.resolve(fallback))) {
                    inputs.add(base.resolve(fallback));
                }
            }
            if (inputs.isEmpty()) {
                throw new MojoExecutionException(
                        "no <paths> given, and neither README.md nor docs/ exists in " + base);
            }
        } else {
            for (String path : paths) {
                Path input = base.resolve(path.strip()).normalize();
                if (!Files.exists(input)) {
                    throw new MojoExecutionException("<paths> names " + path + ": no such file or directory");
                }
                inputs.add(input);
            }
        }
        try {
            List<Page> pages = new ArrayList<>();
            for (Path file : DocFinder.find(inputs, link -> getLog().warn("snipcheck: not read: " + link + " ("
                    + DocFinder.DANGLING_LINK + ")"))) {
                pages.add(pageFiles.read(file));
            }
            return pages;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + e.getMessage(), e);
        }
    }

    /** The project's test class path first, so its docs see its classes and versions; then snipcheck's own. */
    private String classpath() {
        Set<String> entries = new LinkedHashSet<>(testClasspath);
        for (Artifact artifact : pluginArtifacts) {
            if (artifact.getFile() != null) {
                entries.add(artifact.getFile().getAbsolutePath());
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
