package dev.snipcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.TestPython;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.RestrictedRole;
import dev.snipcheck.run.RunSettings;
import dev.snipcheck.run.ServerFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectFile;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The engine as a build tool or IDE drives it: pages and blocks found by selectors, verdicts as JUnit results. */
class SnipcheckTestEngineTest {

    private static final String SESSION = "src/test/resources/engine/session.md";
    private static final String PYTHON_PAGE = "src/test/resources/engine-python/psycopg.md";
    /** JUnit encodes the slashes of a segment's value, since a slash separates segments. */
    private static final String SESSION_ID = "[engine:snipcheck]/[page:src%2Ftest%2Fresources%2Fengine%2Fsession.md]";

    @Test
    void aPageIsAContainerOfItsCheckedBlocksEachAtItsFenceLine() {
        TestDescriptor engine = discover(Map.of(), selectFile(SESSION));

        assertEquals(1, engine.getChildren().size());
        TestDescriptor page = engine.getChildren().iterator().next();
        assertEquals(SESSION_ID, page.getUniqueId().toString());
        assertTrue(page.isContainer());
        assertEquals(SESSION, page.getDisplayName());
        assertEquals(List.of(SESSION_ID + "/[block:3]", SESSION_ID + "/[block:7]", SESSION_ID + "/[block:12]",
                        SESSION_ID + "/[block:17]", SESSION_ID + "/[block:21]"),
                page.getChildren().stream().map(b -> b.getUniqueId().toString()).toList());
        TestDescriptor failing = page.getChildren().stream().skip(2).findFirst().orElseThrow();
        assertTrue(failing.isTest());
        assertEquals("line 12: java", failing.getDisplayName());
        assertEquals(SESSION + ":12", failing.getLegacyReportingName());
        FileSource source = (FileSource) failing.getSource().orElseThrow();
        assertEquals(Path.of(SESSION).toAbsolutePath().toFile(), source.getFile());
        assertEquals(FilePosition.from(12), source.getPosition().orElseThrow());
    }

    @Test
    void aDirectoryHoldsEveryPageBelowItAndClassSelectorsAreNotTheEngines() {
        TestDescriptor engine = discover(Map.of(), selectDirectory("src/test/resources/engine"),
                selectClass(SnipcheckTestEngineTest.class));

        assertEquals(List.of("src/test/resources/engine/more/classpath.md",
                        "src/test/resources/engine/more/notes.markdown", SESSION),
                engine.getChildren().stream().map(TestDescriptor::getDisplayName).toList());
        assertEquals(6, engine.getDescendants().stream().filter(TestDescriptor::isTest).count());
    }

    @Test
    void aRequestWithoutSelectorsTakesThePagesOfTheSnipcheckPathsParameter() {
        Map<String, String> paths = Map.of(EngineSettings.PATHS, "src/test/resources/engine/more , " + SESSION);

        assertEquals(3, discover(paths).getChildren().size());
        assertEquals(0, discover(paths, selectClass(SnipcheckTestEngineTest.class)).getChildren().size(),
                "a build tool selecting a test class must not run the docs every time");
    }

    @Test
    void aLineSelectsTheBlockWhoseFenceIsOnIt() {
        assertEquals(List.of(SESSION_ID + "/[block:12]"), tests(discover(Map.of(),
                selectFile(SESSION, org.junit.platform.engine.discovery.FilePosition.from(12)))));
        assertEquals(List.of(SESSION_ID + "/[block:7]"), tests(discover(Map.of(EngineSettings.PATHS, SESSION + ":7"))));
        assertEquals(List.of(SESSION + ":8: no java or sql block starts at this line"),
                problems(discover(Map.of(EngineSettings.PATHS, SESSION + ":8"))));
    }

    @Test
    void aSuiteWithoutPagesFailsInsteadOfCheckingNothing() {
        TestDescriptor engine = new SnipcheckTestEngine().discover(LauncherDiscoveryRequestBuilder.request().build(),
                UniqueId.parse("[engine:junit-platform-suite]/[suite:com.example.DocsTest]/[engine:snipcheck]"));

        assertEquals(List.of("the suite selects no Markdown pages: name them with @SelectDirectories or @SelectFile,"
                        + " or with the configuration parameter snipcheck.paths"),
                problems(engine));
    }

    @Test
    void verdictsBecomeJUnitResultsWithTheReportOfTheFailedBlock() {
        EngineExecutionResults results = execute(Map.of(), selectFile(SESSION));

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1).skipped(2));
        Event failed = results.testEvents().failed().list().get(0);
        assertEquals(SESSION_ID + "/[block:12]", failed.getTestDescriptor().getUniqueId().toString());
        Throwable failure = failure(failed);
        assertTrue(failure instanceof AssertionError, failure.toString());
        assertEquals(SESSION + ":14:1: error[exception]: threw java.lang.IllegalStateException: broken on purpose\n"
                        + " 14 | throw new IllegalStateException(\"broken on purpose\");\n"
                        + "    | ^",
                String.join("\n", failure.getMessage().lines().limit(3).toList()));
        assertTrue(failure.getMessage().contains("about to fail"), "the block's output:\n" + failure.getMessage());
        assertEquals(Map.of(SESSION_ID + "/[block:17]", "not run: an earlier block of this page failed (line 12)",
                        SESSION_ID + "/[block:21]", "marked `ignore`"),
                results.testEvents().skipped().stream().collect(Collectors.toMap(
                        e -> e.getTestDescriptor().getUniqueId().toString(),
                        e -> e.getPayload(String.class).orElseThrow())));
    }

    @Test
    void pythonBlocksAreTestsRunWithThePythonOfTheSnipcheckPythonParameter() {
        EngineExecutionResults results = execute(Map.of(EngineSettings.PYTHON, TestPython.interpreter().command()),
                selectFile(PYTHON_PAGE));

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertEquals(PYTHON_PAGE + ":7:5: error[sync-api-in-async]: a plain `with` on psycopg's `AsyncCursor`: it "
                        + "needs `async with`",
                failure(results.testEvents().failed().list().get(0)).getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void withoutAPythonThatImportsPsycopgPythonBlocksAreSkippedWithTheReason() {
        EngineExecutionResults results = execute(Map.of(EngineSettings.PYTHON, "/no/such/python3"),
                selectFile(PYTHON_PAGE));

        results.testEvents().assertStatistics(stats -> stats.started(0).failed(0).skipped(2));
        assertTrue(results.testEvents().skipped().list().get(0).getPayload(String.class).orElseThrow()
                .contains("apt-get install python3-psycopg python3-psycopg-pool"));
    }

    @Test
    void oneBlockRunsAloneByItsUniqueIdAfterTheSessionBlocksBeforeIt() {
        EngineExecutionResults results = execute(Map.of(), selectUniqueId(SESSION_ID + "/[block:7]"));

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0).skipped(0));
        assertEquals(SESSION_ID + "/[block:7]",
                results.testEvents().succeeded().list().get(0).getTestDescriptor().getUniqueId().toString());
    }

    @Test
    void aBlockRerunFromAnIdeUnderASuiteRunsAloneAfterTheSessionBlocksBeforeIt() {
        String block = "[engine:junit-platform-suite]/[suite:" + SessionSuite.class.getName() + "]/"
                + SESSION_ID + "/[block:7]";
        EngineExecutionResults results = EngineTestKit.engine("junit-platform-suite")
                .configurationParameter(EngineSettings.POSTGRES_URL, TestPostgres.url())
                .selectors(selectUniqueId(block))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0).skipped(0));
        assertEquals(block, results.testEvents().succeeded().list().get(0).getTestDescriptor().getUniqueId().toString());
    }

    /** The style of a consumer's docs suite; as a nested class Surefire does not run it by itself. */
    @Suite
    @IncludeEngines("snipcheck")
    @SelectFile(SESSION)
    static class SessionSuite {
    }

    @Test
    void onePageRunsAloneByItsUniqueIdAndItsBlocksSeeTheTestClassPath() {
        String page = "[engine:snipcheck]/[page:src%2Ftest%2Fresources%2Fengine%2Fmore%2Fclasspath.md]";
        EngineExecutionResults results = execute(Map.of(), selectUniqueId(page));

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        results.containerEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void inputThatCannotBeUsedFailsATestInsteadOfCheckingNothing() {
        EngineExecutionResults results = execute(Map.of(EngineSettings.PATHS, "no-such-docs",
                EngineSettings.TIMEOUT, "soon"));

        assertEquals(List.of("no-such-docs: snipcheck.paths names 'no-such-docs', but there is no such file or"
                        + " directory in " + Path.of("").toAbsolutePath(),
                        "setting snipcheck.timeout: snipcheck.timeout is 'soon', not a duration; write a positive"
                        + " duration such as `10s`, `500ms`, `2m` or `1m30s`"),
                results.testEvents().failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": "
                        + failure(e).getMessage())
                        .toList());
        assertEquals(0, execute(Map.of(), selectUniqueId(SESSION_ID + "/[block:8]")).testEvents().succeeded().count());
    }

    @Test
    void backendAndJobsParametersThatCannotBeUsedFailATest() {
        EngineExecutionResults results = execute(Map.of(EngineSettings.PATHS, "src/test/resources/engine/session.md",
                EngineSettings.POSTGRES, "docker", EngineSettings.JOBS, "0"));

        assertEquals(List.of("setting snipcheck.jobs: snipcheck.jobs is '0', not a number of pages of at least 1",
                        "setting snipcheck.postgres: snipcheck.postgres is 'docker'; expected one of auto,"
                        + " testcontainers, embedded, external"),
                results.testEvents().failed().stream()
                        .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("setting"))
                        .map(e -> e.getTestDescriptor().getDisplayName() + ": " + failure(e).getMessage())
                        .toList());
    }

    @Test
    void theShardParameterSelectsOnePartOfThePagesAndThePartsAreEveryPageOnce() {
        List<String> all = pageIds(discover(Map.of(), selectDirectory("docs")));
        assertTrue(all.size() > 5, all.toString());
        List<String> union = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            List<String> part = pageIds(discover(Map.of(EngineSettings.SHARD, k + "/3"), selectDirectory("docs")));
            assertTrue(!part.isEmpty() && part.size() < all.size(), part.toString());
            union.addAll(part);
        }
        assertEquals(all.stream().sorted().toList(), union.stream().sorted().toList());

        TestDescriptor bad = discover(Map.of(EngineSettings.SHARD, "4/3"), selectDirectory("docs"));
        assertEquals(List.of("snipcheck.shard is '4/3'; expected K/N with 1 <= K <= N, e.g. 2/4"), problems(bad));
        assertEquals(all, pageIds(bad));
    }

    private static List<String> pageIds(TestDescriptor engine) {
        return engine.getChildren().stream()
                .filter(PageDescriptor.class::isInstance)
                .map(p -> p.getUniqueId().toString())
                .toList();
    }

    @Test
    void theConfigParameterNamesTheProjectConfigWhosePreludeBlocksAreTestsOfTheirOwnFile() {
        EngineExecutionResults results = execute(
                Map.of(EngineSettings.CONFIG, "src/test/resources/engine-config/snipcheck.yaml"),
                selectFile("src/test/resources/engine-config/page.md"));

        assertEquals(List.of("src/test/resources/engine-config/setup.md line 3: sql (hidden)", "line 3: sql"),
                results.testEvents().succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList());
        results.testEvents().assertStatistics(stats -> stats.started(2).failed(0));
    }

    @Test
    void aMalformedConfigFailsATestWithEachProblemAtItsLine() {
        EngineExecutionResults results = execute(
                Map.of(EngineSettings.CONFIG, "src/test/resources/engine-config/malformed.yaml"),
                selectFile("src/test/resources/engine-config/page.md"));

        assertEquals(List.of("setting snipcheck.config: src/test/resources/engine-config/malformed.yaml:2:22: error:"
                        + " the code for `<table>` must be one line of text"),
                results.testEvents().failed().stream()
                        .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("setting"))
                        .map(e -> e.getTestDescriptor().getDisplayName() + ": "
                                + failure(e).getMessage().lines().findFirst().orElseThrow())
                        .toList());
    }

    @Test
    void theTimeoutParameterLimitsABlockThatSetsNone() {
        EngineExecutionResults results = execute(Map.of(EngineSettings.TIMEOUT, "500ms"),
                selectFile("src/test/resources/engine-timeout/sleep.md"));

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertEquals("src/test/resources/engine-timeout/sleep.md:4:1: error[timeout]: did not finish within 500 ms",
                failure(results.testEvents().failed().list().get(0)).getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void withoutADatabaseEveryBlockThatNeedsOneFailsAtItsLine() {
        EngineExecutionResults results = EngineTestKit.engine("snipcheck")
                .configurationParameter(EngineSettings.POSTGRES_URL, "jdbc:postgresql://127.0.0.1:1/none?user=nobody")
                .selectors(selectUniqueId(SESSION_ID + "/[block:3]"))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String message = failure(results.testEvents().failed().list().get(0)).getMessage();
        assertTrue(message.startsWith(SESSION + ":3: error: PostgreSQL unavailable: "), message);
        assertTrue(message.endsWith("= hint: check that the server of snipcheck.postgres.url is running and the URL's"
                + " credentials"), message);
    }

    @Test
    void parametersNotGivenHaveTheDefaultsOfEveryFrontEnd() {
        EngineDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .enableImplicitConfigurationParameters(false)
                .build();
        assertEquals(RunSettings.defaults(), EngineSettings.read(request.getConfigurationParameters()).run());
    }

    @Test
    void theEnginesNoticesGoToItsSinkAndNotToStderr() throws Exception {
        RestrictedRole role = RestrictedRole.create();
        List<String> notices = new CopyOnWriteArrayList<>();
        String stderr = stderrOf(() -> EngineTestKit.engine(new SnipcheckTestEngine(ServerFactory.real(), notices::add))
                .configurationParameter(EngineSettings.POSTGRES_URL, role.url())
                .selectors(selectUniqueId(SESSION_ID + "/[block:7]"))
                .execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1)));

        assertEquals(List.of(role.notice()), notices);
        assertFalse(stderr.contains("snipcheck:"), stderr);
    }

    @Test
    void theEngineThatBuildToolsLoadShowsItsNoticesOnStderrWhereSurefireShowsThem() throws Exception {
        RestrictedRole role = RestrictedRole.create();
        String stderr = stderrOf(() -> EngineTestKit.engine("snipcheck")
                .configurationParameter(EngineSettings.POSTGRES_URL, role.url())
                .selectors(selectUniqueId(SESSION_ID + "/[block:7]"))
                .execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1)));

        assertEquals(List.of(role.notice()), stderr.lines().filter(line -> line.startsWith("snipcheck:")).toList());
    }

    @Test
    void postgresStartsWhileThePagesCompile(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("typo.md"), "```java\nint x = ;\n```\n");
        CountDownLatch reported = new CountDownLatch(1);
        AtomicBoolean compiledMeanwhile = new AtomicBoolean();
        // a server that starts only once a page has been compiled and reported: an engine that waited for the
        // server before it compiled would wait here in vain
        ServerFactory startsAfterAPage = (settings, notices) -> {
            try {
                compiledMeanwhile.set(reported.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new DatabaseUnavailableException("not needed in this test");
        };
        SnipcheckTestEngine engine = new SnipcheckTestEngine(startsAfterAPage, notice -> { });
        EngineDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectFile(page.toFile()))
                .build();
        TestDescriptor root = engine.discover(request, UniqueId.forEngine("snipcheck"));
        List<String> failures = new ArrayList<>();

        engine.execute(ExecutionRequest.create(root, new EngineExecutionListener() {
            @Override
            public void executionFinished(TestDescriptor test, TestExecutionResult result) {
                result.getThrowable().ifPresent(failure -> failures.add(failure.getMessage()));
                if (test.isTest()) {
                    reported.countDown();
                }
            }
        }, request.getConfigurationParameters()));

        assertTrue(compiledMeanwhile.get(), "PostgreSQL started before the page was compiled and reported");
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith(page + ":1: error[compile]: does not compile"), failures.get(0));
    }

    /** What {@code run} printed to System.err, which it does not reach meanwhile. */
    private static String stderrOf(Runnable run) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static List<String> tests(TestDescriptor engine) {
        return engine.getDescendants().stream()
                .filter(TestDescriptor::isTest)
                .map(t -> t.getUniqueId().toString())
                .toList();
    }

    private static Throwable failure(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    private static List<String> problems(TestDescriptor engine) {
        return engine.getChildren().stream()
                .filter(ProblemDescriptor.class::isInstance)
                .map(p -> ((ProblemDescriptor) p).message())
                .toList();
    }

    private static TestDescriptor discover(Map<String, String> parameters, DiscoverySelector... selectors) {
        return new SnipcheckTestEngine().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameters(parameters)
                .build(), UniqueId.forEngine("snipcheck"));
    }

    private static EngineExecutionResults execute(Map<String, String> parameters, DiscoverySelector... selectors) {
        return EngineTestKit.engine("snipcheck")
                .configurationParameter(EngineSettings.POSTGRES_URL, TestPostgres.url())
                .configurationParameters(parameters)
                .selectors(selectors)
                .execute();
    }
}
