package dev.snipcheck.postgres;

import java.util.Locale;
import java.util.Optional;

/**
 * Times one backend's startup as a run pays it: from asking for the server to holding the first page's database.
 * One measurement per JVM, so class loading counts as it does for a user; bench/postgres-startup.sh runs it repeatedly.
 * Arguments: {@code embedded|testcontainers|external [IMAGE [reuse]]}. For {@code external}, an embedded server is
 * started first, outside the measurement, to play the running server.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Backend backend = Backend.valueOf(args[0].toUpperCase(Locale.ROOT));
        String image = args.length > 1 ? args[1] : PostgresSettings.DEFAULT_IMAGE;
        boolean reuse = args.length > 2 && args[2].equals("reuse");
        EmbeddedServer running = backend == Backend.EXTERNAL ? EmbeddedServer.start() : null;
        try {
            Optional<String> url = running == null ? Optional.empty() : Optional.of(running.createDatabase().jdbcUrl());
            long start = System.nanoTime();
            try (PostgresServer server = PostgresLauncher.start(new PostgresSettings(backend, url, image, reuse), System.err::println)) {
                server.createDatabase();
                System.out.printf("startup-ms %d %s%n", (System.nanoTime() - start) / 1_000_000, server.description());
            }
        } finally {
            if (running != null) {
                running.close();
            }
        }
    }
}
