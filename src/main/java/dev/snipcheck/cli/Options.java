package dev.snipcheck.cli;

import dev.snipcheck.markdown.Durations;
import dev.snipcheck.postgres.Backend;
import dev.snipcheck.postgres.PostgresSettings;
import dev.snipcheck.run.RunSettings;
import dev.snipcheck.run.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** The command line of {@code snipcheck}, as picocli fills it in. */
@Command(
        name = "snipcheck",
        mixinStandardHelpOptions = true,
        versionProvider = Options.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Verifies the Java and SQL code blocks of Markdown files: compiles them, runs them against PostgreSQL"
                    + " and gives every block a verdict.",
            "Exit status: 0 when nothing failed, 1 when a block failed, 2 for bad usage or when no database"
                    + " could be provided.",
            "'snipcheck merge REPORT...' merges the JSON reports of a run split with --shard; see"
                    + " 'snipcheck merge --help'."
        })
final class Options {

    /** What {@code --format} selects. */
    enum Format {
        TEXT, JSON, SARIF, GITHUB, JUNIT
    }

    /** One {@code --report FORMAT=FILE}: a report written to a file besides the one on stdout. */
    record ReportFile(Format format, String file) {
    }

    /** What {@code --color} selects. */
    enum Color {
        AUTO, ALWAYS, NEVER
    }

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "Markdown files or directories to check (default: README.md and docs/, whichever exist).")
    List<String> paths = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "text|json|sarif|github|junit",
            defaultValue = "text",
            converter = FormatConverter.class,
            description = "Report format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    String output;

    @Option(
            names = "--report",
            paramLabel = "FORMAT=FILE",
            converter = ReportFileConverter.class,
            description = "Also write the report in FORMAT (text, json, sarif, github, junit) to FILE; repeatable.")
    List<ReportFile> reports = new ArrayList<>();

    @Option(
            names = "--html",
            paramLabel = "DIR",
            description = "Also write the docs as HTML to DIR, each block with its verdict beside it, and an"
                    + " index.html with each page's coverage.")
    String html;

    @Option(
            names = "--postgres",
            paramLabel = "auto|testcontainers|embedded|external",
            defaultValue = "auto",
            converter = BackendConverter.class,
            description = "Where PostgreSQL comes from; auto: a container when a Docker engine answers, else the"
                    + " embedded server (default: ${DEFAULT-VALUE}).")
    Backend postgres;

    @Option(
            names = "--postgres-url",
            paramLabel = "URL",
            description = "Use this running PostgreSQL server (implies --postgres=external).")
    String postgresUrl;

    @Option(
            names = "--postgres-image",
            paramLabel = "IMAGE",
            defaultValue = PostgresSettings.DEFAULT_IMAGE,
            description = "Container image, compatible with the official postgres image (default: ${DEFAULT-VALUE}).")
    String postgresImage;

    @Option(
            names = "--postgres-reuse",
            description = "Keep the container for the next run, which then need not start one (for local authoring).")
    boolean postgresReuse;

    @Option(
            names = "--postgres-pull-timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long pulling a missing container image may take; then auto uses the embedded server"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration postgresPullTimeout;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = RunSettings.DEFAULT_TIMEOUT,
            converter = DurationConverter.class,
            description = "Time limit of a block that sets none itself, e.g. 500ms, 30s, 2m"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = {"--classpath", "-cp"},
            paramLabel = "PATH",
            description = "Also compile and run the blocks against these jars and class directories, separated by"
                    + " '${sys:path.separator}' (e.g. the project's target/classes and its libraries).")
    String classpath;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Read the project's options, placeholders and prelude files from FILE"
                    + " (default: snipcheck.yaml in the working directory, when there is one).")
    Path config;

    @Option(
            names = {"-j", "--jobs"},
            paramLabel = "N",
            converter = JobsConverter.class,
            description = "How many pages run at once, each with its own database and worker JVMs "
                    + "(default: the number of cores).")
    Integer jobs;

    @Option(
            names = "--shard",
            paramLabel = "K/N",
            defaultValue = "1/1",
            converter = ShardConverter.class,
            description = "Verify only part K of N of the pages, split by block count the same way on every"
                    + " machine; the JSON reports of the N parts merge with 'snipcheck merge'.")
    Shard shard;

    @Option(
            names = "--python",
            paramLabel = "PATH",
            defaultValue = RunSettings.DEFAULT_PYTHON,
            description = "The Python 3 that runs python blocks; it must import psycopg and psycopg_pool "
                    + "(default: ${DEFAULT-VALUE} on the PATH). Without one, python blocks are skipped.")
    String python;

    @Option(
            names = "--pass-env",
            paramLabel = "NAME",
            description = "Let blocks see this environment variable; repeatable. Blocks see none of snipcheck's "
                    + "environment but PATH, HOME, LANG, LC_*, TZ, TMPDIR and JAVA_HOME otherwise.")
    List<String> passEnv = new ArrayList<>();

    @Option(
            names = "--cache",
            paramLabel = "DIR",
            description = "Keep the verdicts of pages that passed in DIR, and report them again without running a"
                    + " page whose text, settings, class path, JDK and snipcheck are unchanged (default: off).")
    String cache;

    @Option(
            names = "--no-cache",
            description = "Run every page, even with --cache given (e.g. by an alias).")
    boolean noCache;

    @Option(
            names = "--watch",
            description = "After the first run, keep the compiler, worker JVMs and database warm and re-verify "
                    + "each page when it is saved, until Ctrl-C.")
    boolean watch;

    @Option(
            names = "--color",
            paramLabel = "auto|always|never",
            defaultValue = "auto",
            converter = ColorConverter.class,
            description = "Color the text report (default: ${DEFAULT-VALUE}: only on a terminal).")
    Color color;

    @Option(
            names = "--no-runtime-detectors",
            hidden = true,
            description = "Run blocks without the runtime misuse detectors; only to measure their overhead.")
    boolean noRuntimeDetectors;

    @Option(
            names = {"-v", "--verbose"},
            description = "Also list passed blocks, inferred page modes, the connections redirected to the page's "
                    + "database and the database used.")
    boolean verbose;

    /** Reads {@code --format}; lower case in messages, since that is how users type it. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return choice(Format.class, value);
        }
    }

    /** Reads {@code --report FORMAT=FILE}. */
    static final class ReportFileConverter implements ITypeConverter<ReportFile> {
        @Override
        public ReportFile convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw new TypeConversionException(
                        "expected a format and a file such as sarif=snipcheck.sarif, but was '" + value + "'");
            }
            return new ReportFile(choice(Format.class, value.substring(0, equals)), value.substring(equals + 1));
        }
    }

    /** Reads {@code --shard}. */
    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            return Shard.parse(value).orElseThrow(() -> new TypeConversionException(
                    "expected " + Shard.SYNTAX + ", but was '" + value + "'"));
        }
    }

    /** Reads {@code --postgres}. */
    static final class BackendConverter implements ITypeConverter<Backend> {
        @Override
        public Backend convert(String value) {
            return choice(Backend.class, value);
        }
    }

    /** Reads {@code --color}. */
    static final class ColorConverter implements ITypeConverter<Color> {
        @Override
        public Color convert(String value) {
            return choice(Color.class, value);
        }
    }

    /** Reads {@code --timeout}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Durations.parse(value).orElseThrow(() -> new TypeConversionException(
                    "expected a positive duration such as 500ms, 30s, 2m or 1m30s, but was '" + value + "'"));
        }
    }

    /** Reads {@code --jobs}. */
    static final class JobsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return RunSettings.parseJobs(value).orElseThrow(() -> new TypeConversionException(
                    "expected a number of pages of at least 1, but was '" + value + "'"));
        }
    }

    /**
     * The options as a run's settings; what is not given has the default of every front end.
     *
     * @throws IllegalArgumentException when the PostgreSQL options contradict each other, with the message to show
     */
    RunSettings runSettings() {
        return new RunSettings(timeout, jobs != null ? jobs : RunSettings.defaultJobs(), postgresSettings(),
                !noRuntimeDetectors, python, passEnv);
    }

    private PostgresSettings postgresSettings() {
        String backend = postgres.name().toLowerCase(Locale.ROOT);
        if (postgresUrl != null && postgres != Backend.AUTO && postgres != Backend.EXTERNAL) {
            throw new IllegalArgumentException("--postgres-url means --postgres=external, not --postgres=" + backend);
        }
        if (postgresUrl == null && postgres == Backend.EXTERNAL) {
            throw new IllegalArgumentException("--postgres=external needs --postgres-url URL");
        }
        return new PostgresSettings(postgres, Optional.ofNullable(postgresUrl), postgresImage, postgresReuse, postgresPullTimeout);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            if (name.equals(value.toLowerCase(Locale.ROOT))) {
                return constant;
            }
            names.add(name);
        }
        throw new TypeConversionException("expected one of " + String.join(", ", names) + ", but was '" + value + "'");
    }

    /** The version from the Maven descriptor that the jar carries. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"snipcheck " + version()};
        }

        static String version() {
            try (InputStream in = Options.class.getResourceAsStream(
                    "/META-INF/maven/dev.snipcheck/snipcheck/pom.properties")) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(in);
                    return properties.getProperty("version", "(unknown version)");
                }
            } catch (IOException e) {
                // fall through: a version string is not worth failing for
            }
            return "(development build)";
        }
    }
}
