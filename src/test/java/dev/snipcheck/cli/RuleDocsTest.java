package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.TestPython;
import dev.snipcheck.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every rule's page quotes the report snipcheck gives for its bad examples: the page, with its {@code misuse=}
 * declarations removed, fails with exactly those lines.
 */
class RuleDocsTest {

    private static final Pattern DECLARATION = Pattern.compile(" misuse=[a-z+-]+");

    @TempDir
    Path dir;

    @Test
    void everyQuotedFindingIsWhatSnipcheckReportsWithoutTheDeclaration() throws IOException {
        List<String> quoted = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> unquoted = new ArrayList<>();
        Files.createDirectories(dir.resolve("docs/rules"));
        for (Rule rule : Rule.values()) {
            String page = Files.readString(Path.of(rule.docLink()));
            Matcher line = Pattern.compile("(?m)^" + Pattern.quote(rule.docLink()) + ":\\d+:\\d+: error\\["
                    + rule.id() + "\\]: .*$").matcher(page);
            int before = quoted.size();
            while (line.find()) {
                quoted.add(line.group());
            }
            if (quoted.size() == before) {
                unquoted.add(rule.docLink());
            }
            files.add(rule.docLink());
            Files.writeString(dir.resolve(rule.docLink()), DECLARATION.matcher(page).replaceAll(""));
        }
        assertEquals(List.of(), unquoted, "every rule's page quotes the finding snipcheck reports for its bad example");

        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("--postgres-url", TestPostgres.url(),
                "--python", TestPython.interpreter().command()));
        args.addAll(files);
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(new StringWriter()), dir);

        assertEquals(1, exit, out.toString());
        List<String> missing = quoted.stream().filter(q -> !out.toString().contains(q + "\n")).toList();
        assertEquals(List.of(), missing, "quoted in the docs but not reported:\n" + out);
    }
}
