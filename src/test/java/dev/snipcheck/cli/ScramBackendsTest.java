package dev.snipcheck.cli;

import dev.snipcheck.TestPython;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snipcheck.TestDocker;
import dev.snipcheck.TestScramServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conformance corpus and the docs on the servers users have, which log in with scram-sha-256: the embedded and
 * the plain container backends log in without it, and so hide what its handshake does inside the driver. One is a
 * container whose image forces scram-sha-256, the other the external server CI starts, reached as a role that is no
 * superuser, as on a managed server.
 */
class ScramBackendsTest {

    @Test
    void theCorpusGetsItsDeclaredVerdictsInAContainerThatForcesScram() throws IOException {
        String image = TestDocker.scramImage();
        System.out.println("the corpus in a container of " + image + ", which logs in with scram-sha-256:");
        SnippetsConformanceTest.assertCorpusConforms("--postgres-image", image);
    }

    @Test
    void theDocsPassInAContainerThatForcesScram() throws IOException {
        assertDocsPass("--postgres-image", TestDocker.scramImage());
    }

    @Test
    void theCorpusGetsItsDeclaredVerdictsOnAnExternalScramServerAsARoleThatIsNoSuperuser() throws IOException {
        String url = TestScramServer.url();
        System.out.println("the corpus on the external scram-sha-256 server, as a role that is no superuser:");
        SnippetsConformanceTest.assertCorpusConforms("--postgres-url", url);
    }

    @Test
    void theDocsPassOnAnExternalScramServerAsARoleThatIsNoSuperuser() throws IOException {
        assertDocsPass("--postgres-url", TestScramServer.url());
    }

    /** What DocsDogfoodTest checks through the JUnit engine, through the command line on another backend. */
    private static void assertDocsPass(String... backend) throws IOException {
        List<String> args = new ArrayList<>(List.of("--format", "json"));
        args.addAll(List.of(backend));
        args.addAll(List.of("--python", TestPython.interpreter().command(), "README.md", "docs"));
        SnipcheckRun run = SnipcheckRun.of(Path.of("").toAbsolutePath(), args.toArray(String[]::new));
        List<String> failed = new ArrayList<>();
        for (JsonNode block : new ObjectMapper().readTree(run.out()).path("blocks")) {
            if (block.path("verdict").asText().equals("failed") || block.path("verdict").asText().equals("not run")) {
                failed.add(block.path("file").asText() + ":" + block.path("line").asInt() + " "
                        + block.path("verdict").asText() + ": " + block.path("message").asText());
            }
        }
        String seen = "exit " + run.exit() + " after " + run.millis() + " ms; stderr:\n" + run.err();
        assertEquals("", String.join("\n", failed), seen);
        assertEquals(0, run.exit(), seen);
    }
}
