package dev.snipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snipcheck.TestPostgres;
import dev.snipcheck.java.GeneratedNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus page that provokes every kind of message (compile errors naming a class or a method, a name declared
 * twice, exceptions of the reader's own classes and from lambdas, a timeout's thread dump, a misuse, a `not run`
 * reason): no report of it names a class or method snipcheck generated.
 */
class MessagesNameNoGeneratedCodeTest {

    private static final Path PAGE = Path.of("snippets/messages-name-no-generated-code.md").toAbsolutePath();

    @TempDir
    static Path dir;
    private static SnipcheckRun run;

    @BeforeAll
    static void runThePageOnce() throws IOException {
        Files.copy(PAGE, dir.resolve("page.md"));
        run = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "-v", "--format", "text",
                "--report", "json=report.json", "--report", "sarif=report.sarif", "--report", "junit=report.xml",
                "--report", "github=report.github", "--html", "html", "page.md");
    }

    @Test
    void noReportNamesGeneratedCode() throws IOException {
        assertEquals(1, run.exit(), run.toString());
        List<String> leaks = new ArrayList<>(leaks("text report", run.out() + run.err()));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("page.md")).toList()) {
                leaks.addAll(leaks(dir.relativize(file).toString(), Files.readString(file)));
            }
        }
        assertEquals(List.of(), leaks, run.toString());
    }

    @Test
    void theCompileErrorsNameTheBlocksLines() throws IOException {
        List<String> messages = new ArrayList<>();
        for (JsonNode block : new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("blocks")) {
            if (block.path("reason").asText().equals("compile")) {
                block.get("diagnostics").forEach(diagnostic -> messages.add(diagnostic.get("message").asText()));
            }
        }
        assertEquals(List.of("method twice() is already defined in the block at line 18",
                "variable i is already defined in the block at line 24",
                "method parse in the block at line 9 cannot be applied to given types; required: java.lang.String; "
                        + "found: java.lang.String,java.lang.String; reason: actual and formal argument lists differ "
                        + "in length",
                "non-static variable this cannot be referenced from a static context"), messages);
    }

    @Test
    void aTimedOutThreadShowsTheLinesItWaitsAtAndNotWhatRunsIt() {
        int dump = run.out().indexOf("\"snipcheck-block\" TIMED_WAITING");
        assertTrue(dump > 0, run.out());
        String thread = run.out().substring(dump, run.out().indexOf('"', run.out().indexOf('\n', dump)));
        List<String> frames = thread.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty()).toList();
        assertEquals(List.of("at java.lang.Thread.$$BlockHound$$_sleep(Thread.java)",
                "at java.lang.Thread.sleep(Thread.java)", "at page.md:78", "at page.md:83"), frames, thread);
    }

    private static List<String> leaks(String where, String text) {
        List<String> leaks = new ArrayList<>();
        Matcher matcher = GeneratedNames.ANY.matcher(text);
        while (matcher.find()) {
            int start = text.lastIndexOf('\n', matcher.start()) + 1;
            int end = text.indexOf('\n', matcher.end());
            leaks.add(where + ": " + text.substring(start, end < 0 ? text.length() : end).strip());
        }
        return leaks;
    }
}
