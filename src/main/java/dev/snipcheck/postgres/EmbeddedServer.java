package dev.snipcheck.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A throwaway PostgreSQL that this run starts on a free port and stops when the run ends. */
public final class EmbeddedServer extends AdminServer {

    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    // Docker's default /dev/shm is 64 MB; a cluster with its WAL and a few page databases outgrows that
    private static final long MINIMUM_SHARED_MEMORY = 1L << 30;

    private final EmbeddedPostgres postgres;
    private final Consumer<String> notices;

    private EmbeddedServer(EmbeddedPostgres postgres, AdminConnection admin, Consumer<String> notices) {
        super(admin);
        this.postgres = postgres;
        this.notices = notices;
    }

    /**
     * Starts a server on a free port, with its data directory in memory when there is room for it; {@code notices}
     * hears what goes wrong where no caller could act on it, such as a server that could not be stopped.
     */
    public static EmbeddedServer start(Consumer<String> notices) throws DatabaseUnavailableException {
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // durability is worthless for a server whose data directory is deleted on close
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    // a few pools of 10 per page, several pages at once
                    .setServerConfig("max_connections", "300");
            if (hasRoomInMemory()) {
                // CREATE DATABASE took 240 ms per database on this machine's disk and 6 ms on tmpfs, even with fsync off
                builder.setDataDirectory(Files.createTempDirectory(SHARED_MEMORY, "snipcheck-postgres-"));
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new DatabaseUnavailableException("could not start embedded PostgreSQL: " + e.getMessage(), e);
        }
        try {
            // zonky's initdb trusts every local connection, so the password is never checked
            return new EmbeddedServer(postgres,
                    AdminConnection.open("localhost", postgres.getPort(), "postgres", "postgres", "", notices), notices);
        } catch (DatabaseUnavailableException e) {
            stop(postgres, notices);
            throw e;
        }
    }

    private static boolean hasRoomInMemory() throws IOException {
        return Files.isDirectory(SHARED_MEMORY) && Files.getFileStore(SHARED_MEMORY).getUsableSpace() >= MINIMUM_SHARED_MEMORY;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + admin.version() + " on port " + postgres.getPort();
    }

    /** Stops the server without dropping anything: its whole data directory goes with it. */
    @Override
    public void close() {
        admin.close();
        stop(postgres, notices);
    }

    private static void stop(EmbeddedPostgres postgres, Consumer<String> notices) {
        try {
            postgres.close();
        } catch (IOException e) {
            notices.accept("could not stop embedded PostgreSQL on port " + postgres.getPort() + ": " + e.getMessage());
        }
    }
}
