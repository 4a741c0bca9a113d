package dev.snipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --cache DIR}: a page that passed and whose inputs are all unchanged is reported from the cache, exactly as it
 * was, without PostgreSQL; a change of any input runs it again.
 */
class VerdictCacheTest {

    private static final String PASSING = """
            ---
            snipcheck:
              allow:
                unjoined-subscribe: "shows fire-and-forget"
            ---
            # A page that passes

            ```java
            System.out.println(com.example.Greeter.greet("docs"));
            ```

            ```output
            hello, docs
            ```

            ```sql
            select 1 as one;
            ```

            ```java no_run
            Mono.from(pool.create()).flatMap(c -> Mono.from(c.close())).subscribe();
            ```

            ```java ignore
            not java at all
            ```

            ```yaml
            not: checked
            ```
            """;

    @TempDir
    Path dir;

    @Test
    void cachedVerdictsAreReportedExactlyAsFreshOnesAndMarkedCached() throws Exception {
        greeterJar("hello, ");
        Files.writeString(dir.resolve("page.md"), PASSING);

        SnipcheckRun fresh = run("--format", "json", "page.md");
        SnipcheckRun cached = run("--format", "json", "page.md");

        assertEquals(0, fresh.exit(), fresh.toString());
        assertEquals(0, cached.exit(), cached.toString());
        assertEquals(List.of(false, false, false, false, false), cachedFlags(fresh));
        assertEquals(List.of(true, true, true, true, false), cachedFlags(cached));
        assertEquals(withoutCachedFlags(fresh), withoutCachedFlags(cached));
        assertTrue(fresh.out().contains("\"rule\": \"unjoined-subscribe\""), fresh.out());
    }

    @Test
    void theTextReportSaysCachedAndAFullyCachedRunStartsNoServer() throws Exception {
        greeterJar("hello, ");
        Files.writeString(dir.resolve("page.md"), PASSING);

        SnipcheckRun fresh = run("--verbose", "page.md");
        SnipcheckRun cached = run("--verbose", "page.md");

        assertTrue(fresh.out().contains("page.md:8: passed ("), fresh.out());
        assertTrue(cached.out().contains("page.md:8: passed (cached) ("), cached.out());
        assertTrue(cached.out().contains("page.md:24: skipped (cached): marked `ignore`"), cached.out());
        assertTrue(cached.out().contains("PostgreSQL: not started (every page's verdicts came from the verdict cache)"),
                cached.out());
        assertTrue(cached.out().endsWith("3 passed, 0 failed, 1 skipped, 0 not run, 1 not checked (4 cached)\n"),
                cached.out());
        assertTrue(fresh.out().endsWith("3 passed, 0 failed, 1 skipped, 0 not run, 1 not checked\n"), fresh.out());
    }

    @Test
    void aChangeOfThePagesTextRunsItAgain() throws Exception {
        greeterJar("hello, ");
        Files.writeString(dir.resolve("page.md"), PASSING);
        run("--format", "json", "page.md");

        Files.writeString(dir.resolve("page.md"), PASSING.replace("select 1 as one;", "select 2 as two;"));
        SnipcheckRun edited = run("--format", "json", "page.md");

        assertEquals(List.of(false, false, false, false, false), cachedFlags(edited), edited.toString());
    }

    @Test
    void aChangeOfTheProjectConfigRunsItsPagesAgain() throws Exception {
        greeterJar("hello, ");
        Files.writeString(dir.resolve("page.md"), PASSING.replace("greet(\"docs\")", "greet(<who>)"));
        Files.writeString(dir.resolve("snipcheck.yaml"), "replace: {\"<who>\": \"\\\"docs\\\"\"}\n");
        SnipcheckRun first = run("--format", "json", "page.md");
        assertEquals(0, first.exit(), first.toString());
        SnipcheckRun again = run("--format", "json", "page.md");
        assertEquals(List.of(true, true, true, true, false), cachedFlags(again), again.toString());

        Files.writeString(dir.resolve("snipcheck.yaml"), "replace: {\"<who>\": \"\\\"you\\\"\"}\n");
        SnipcheckRun changed = run("--format", "json", "page.md");

        assertEquals(List.of(false, false, false, false, false), cachedFlags(changed), changed.toString());
        assertEquals("failed output", changed.verdicts().get("page.md:8"), changed.toString());
    }

    @Test
    void aChangeOfAClassPathJarsContentRunsThePageAgainstTheNewJar() throws Exception {
        Path jar = greeterJar("hello, ");
        Files.writeString(dir.resolve("page.md"), PASSING);
        run("--format", "json", "page.md");

        greeterJar("hi, ");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        SnipcheckRun changed = run("--format", "json", "page.md");

        assertEquals(Main.FAILED, changed.exit(), changed.toString());
        assertEquals("failed output", changed.verdicts().get("page.md:8"), changed.toString());
    }

    @Test
    void aChangeOfASettingThatAffectsVerdictsRunsThePagesAgain() throws Exception {
        greeterJar("hello, ");
        Files.writeString(dir.resolve("page.md"), PASSING);
        run("--format", "json", "page.md");

        SnipcheckRun sameAgain = run("--format", "json", "--jobs", "1", "page.md");
        SnipcheckRun otherTimeout = run("--format", "json", "--timeout", "20s", "page.md");
        SnipcheckRun otherEnv = run("--format", "json", "--pass-env", "SNIPCHECK_CACHE_TEST", "page.md");

        assertEquals(List.of(false, false, false, false, false), cachedFlags(otherTimeout), otherTimeout.toString());
        assertEquals(List.of(false, false, false, false, false), cachedFlags(otherEnv), otherEnv.toString());
        // the number of jobs changes how a run goes, not its verdicts
        assertEquals(List.of(true, true, true, true, false), cachedFlags(sameAgain), sameAgain.toString());
    }

    @Test
    void anotherJdkRunsThePagesAgain() throws Exception {
        greeterJar("hello, ");
        Files.writeString(dir.resolve("page.md"), PASSING);
        run("--format", "json", "page.md");

        // the key reads the JDK's version as the run starts; the workers still run on this JDK
        String version = System.getProperty("java.vm.version");
        SnipcheckRun otherJdk;
        try {
            System.setProperty("java.vm.version", version + "-other");
            otherJdk = run("--format", "json", "page.md");
        } finally {
            System.setProperty("java.vm.version", version);
        }

        assertEquals(List.of(false, false, false, false, false), cachedFlags(otherJdk), otherJdk.toString());
    }

    @Test
    void aPageThatFailedOrOptsOutRunsEveryTime() throws Exception {
        greeterJar("hello, ");
        Files.writeString(dir.resolve("failing.md"), "```java\nSystem.out.println(1);\n```\n\n```output\n2\n```\n");
        Files.writeString(dir.resolve("opted-out.md"),
                "---\nsnipcheck:\n  cache: false\n---\n```sql\nselect now();\n```\n");
        run("--format", "json", "failing.md", "opted-out.md");

        SnipcheckRun again = run("--format", "json", "failing.md", "opted-out.md");

        assertEquals(Map.of("failing.md:1", "failed output", "opted-out.md:5", "passed"), again.verdicts(),
                again.toString());
        assertEquals(List.of(false, false), cachedFlags(again), again.toString());
    }

    @Test
    void noCacheRunsEveryPageAndACacheThatCannotBeMadeIsANotice() throws Exception {
        greeterJar("hello, ");
        Files.writeString(dir.resolve("page.md"), PASSING);
        run("--format", "json", "page.md");

        SnipcheckRun noCache = run("--format", "json", "--no-cache", "page.md");
        Files.writeString(dir.resolve("a-file"), "");
        SnipcheckRun unusable = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(),
                "--classpath", "lib/greeter.jar", "--cache", "a-file/cache", "--format", "json", "page.md");

        assertEquals(List.of(false, false, false, false, false), cachedFlags(noCache), noCache.toString());
        assertEquals(0, unusable.exit(), unusable.toString());
        assertTrue(unusable.err().contains("snipcheck: verdict cache off: cannot use " + dir.resolve("a-file/cache")),
                unusable.err());
    }

    private SnipcheckRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--postgres-url", TestPostgres.url(),
                "--classpath", "lib/greeter.jar", "--cache", "cache"));
        all.addAll(List.of(args));
        return SnipcheckRun.of(dir, all.toArray(String[]::new));
    }

    /** Whether each block of the JSON report says it came from the cache. */
    private static List<Boolean> cachedFlags(SnipcheckRun run) throws IOException {
        List<Boolean> flags = new ArrayList<>();
        for (JsonNode block : new ObjectMapper().readTree(run.out()).get("blocks")) {
            flags.add(block.path("cached").asBoolean(false));
        }
        return flags;
    }

    private static JsonNode withoutCachedFlags(SnipcheckRun run) throws IOException {
        JsonNode report = new ObjectMapper().readTree(run.out());
        for (JsonNode block : report.get("blocks")) {
            ((ObjectNode) block).remove("cached");
        }
        return report;
    }

    private Path greeterJar(String greeting) throws IOException {
        return GreeterJar.write(dir, greeting);
    }
}
