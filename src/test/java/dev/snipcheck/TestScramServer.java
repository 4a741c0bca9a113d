package dev.snipcheck;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The external server of the tests that run where users do: it logs in with scram-sha-256 (PostgreSQL 14 and newer,
 * and managed servers, do by default) and gives snipcheck a role that is no superuser. {@code .ci/scram-server.sh}
 * starts one and prints its URL, which CI passes as {@code SNIPCHECK_TEST_SCRAM_URL}. Without it those tests are
 * skipped, saying why; with {@code SNIPCHECK_REQUIRE_SCRAM_SERVER=1}, as CI sets once the server is up, they fail.
 */
public final class TestScramServer {

    private TestScramServer() {
    }

    /** The JDBC URL, with credentials, of the server's admin role; skips or fails the test without one. */
    public static String url() {
        String url = System.getenv("SNIPCHECK_TEST_SCRAM_URL");
        if (url == null || url.isBlank()) {
            String why = "SNIPCHECK_TEST_SCRAM_URL is not set (start a server with .ci/scram-server.sh start DIR and"
                    + " set it to the URL it prints)";
            if ("1".equals(System.getenv("SNIPCHECK_REQUIRE_SCRAM_SERVER"))) {
                fail("SNIPCHECK_REQUIRE_SCRAM_SERVER=1, but " + why);
            }
            assumeTrue(false, why);
        }
        return url;
    }
}
