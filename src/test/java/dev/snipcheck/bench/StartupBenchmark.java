package dev.snipcheck.bench;

import dev.snipcheck.postgres.Backend;
import dev.snipcheck.postgres.EmbeddedServer;
import dev.snipcheck.postgres.PostgresLauncher;
import dev.snipcheck.postgres.PostgresServer;
import dev.snipcheck.postgres.PostgresSettings;

import java.util.Locale;
import java.util.Optional;

/**
 * Times one backend's startup as a run pays it: from asking for the server to holding the first page's database.
 * One measurement per JVM, so class loading counts as it does for a user; bench/postgres-startup.sh runs it repeatedly.
 * Arguments: {@code embedded|testcontainers [IMAGE [reuse]]}, or {@code external URL}; {@code serve} starts an
 * embedded server for {@code external} to connect to, prints its URL and runs until its standard input closes.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("serve")) {
            try (EmbeddedServer server = EmbeddedServer.start(System.err::println)) {
                System.out.println(server.createDatabase().jdbcUrl());
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return;
        }
        Backend backend = Backend.valueOf(args[0].toUpperCase(Locale.ROOT));
        Optional<String> url = backend == Backend.EXTERNAL ? Optional.of(args[1]) : Optional.empty();
        String image = backend != Backend.EXTERNAL && args.length > 1 ? args[1] : PostgresSettings.DEFAULT_IMAGE;
        boolean reuse = args.length > 2 && args[2].equals("reuse");
        long start = System.nanoTime();
        try (PostgresServer server = PostgresLauncher.start(new PostgresSettings(backend, url, image, reuse, PostgresSettings.DEFAULT_PULL_TIMEOUT), System.err::println)) {
            server.createDatabase();
            System.out.printf("startup-ms %d %s%n", (System.nanoTime() - start) / 1_000_000, server.description());
        }
    }
}
