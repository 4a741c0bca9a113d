package dev.snipcheck;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Whether the tests that start containers can run: a Docker engine that answers, and the PostgreSQL image they use
 * ({@code SNIPCHECK_TEST_IMAGE}, by default the one {@code .ci/postgres-image.sh} builds from Debian's packages, and
 * {@code SNIPCHECK_TEST_SCRAM_IMAGE}, the one {@code .ci/scram-image.sh} builds from it). Without them those tests are
 * skipped, saying why; with {@code SNIPCHECK_REQUIRE_DOCKER=1}, as CI sets once it has set Docker up, they fail instead.
 */
public final class TestDocker {

    private static final String IMAGE = System.getenv().getOrDefault("SNIPCHECK_TEST_IMAGE", "snipcheck/postgres:15-bookworm");
    private static final String SCRAM_IMAGE = System.getenv().getOrDefault("SNIPCHECK_TEST_SCRAM_IMAGE",
            "snipcheck/postgres:15-bookworm-scram");
    /** Why each image asked for cannot be started, empty when it can. */
    private static final Map<String, Optional<String>> missing = new HashMap<>();

    private TestDocker() {
    }

    /** The image to start, once Docker and the image are known to be there; skips or fails the test otherwise. */
    public static String image() {
        return available(IMAGE, ".ci/postgres-image.sh", "SNIPCHECK_TEST_IMAGE");
    }

    /** An image whose server logs clients in with scram-sha-256 whatever they ask for; skips or fails as {@link #image()}. */
    public static String scramImage() {
        return available(SCRAM_IMAGE, ".ci/scram-image.sh", "SNIPCHECK_TEST_SCRAM_IMAGE");
    }

    private static String available(String image, String script, String variable) {
        Optional<String> why = missing(image, script, variable);
        if (why.isPresent()) {
            if ("1".equals(System.getenv("SNIPCHECK_REQUIRE_DOCKER"))) {
                fail("SNIPCHECK_REQUIRE_DOCKER=1, but " + why.get());
            }
            assumeTrue(false, why.get());
        }
        return image;
    }

    private static synchronized Optional<String> missing(String image, String script, String variable) {
        return missing.computeIfAbsent(image, name -> {
            Optional<String> why = Optional.empty();
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                why = Optional.of("no Docker engine answers, so the Testcontainers tests cannot run");
            } else if (DockerClientFactory.instance().client().listImagesCmd().withImageNameFilter(name).exec().isEmpty()) {
                why = Optional.of("Docker has no image " + name + " (build it with " + script + ", or name another"
                        + " with " + variable + ")");
            }
            if (why.isPresent() && !"1".equals(System.getenv("SNIPCHECK_REQUIRE_DOCKER"))) {
                System.err.println("Testcontainers tests skipped: " + why.get()
                        + " (CI sets SNIPCHECK_REQUIRE_DOCKER=1, which makes this a failure)");
            }
            return why;
        });
    }
}
