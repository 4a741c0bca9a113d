package dev.snipcheck;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.testcontainers.DockerClientFactory;

/**
 * Whether the tests that start containers can run: a Docker engine that answers, and the PostgreSQL image they use
 * ({@code SNIPCHECK_TEST_IMAGE}, by default the one {@code .ci/postgres-image.sh} builds from Debian's packages).
 * Without them those tests are skipped, saying why; with {@code SNIPCHECK_REQUIRE_DOCKER=1}, as CI sets once it has
 * set Docker up, they fail instead.
 */
public final class TestDocker {

    private static final String IMAGE = System.getenv().getOrDefault("SNIPCHECK_TEST_IMAGE", "snipcheck/postgres:15-bookworm");
    private static String missing;
    private static boolean checked;

    private TestDocker() {
    }

    /** The image to start, once Docker and the image are known to be there; skips or fails the test otherwise. */
    public static String image() {
        String why = missing();
        if (why != null) {
            if ("1".equals(System.getenv("SNIPCHECK_REQUIRE_DOCKER"))) {
                fail("SNIPCHECK_REQUIRE_DOCKER=1, but " + why);
            }
            assumeTrue(false, why);
        }
        return IMAGE;
    }

    private static synchronized String missing() {
        if (!checked) {
            checked = true;
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                missing = "no Docker engine answers, so the Testcontainers tests cannot run";
            } else if (!DockerClientFactory.instance().client().listImagesCmd().withImageNameFilter(IMAGE).exec().stream()
                    .findAny().isPresent()) {
                missing = "Docker has no image " + IMAGE + " (build it with .ci/postgres-image.sh, or name another"
                        + " with SNIPCHECK_TEST_IMAGE)";
            }
            if (missing != null && !"1".equals(System.getenv("SNIPCHECK_REQUIRE_DOCKER"))) {
                System.err.println("Testcontainers tests skipped: " + missing
                        + " (CI sets SNIPCHECK_REQUIRE_DOCKER=1, which makes this a failure)");
            }
        }
        return missing;
    }
}
