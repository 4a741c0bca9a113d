package dev.snipcheck.postgres;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Where the container that an earlier run kept listens, noted in a file so that the next run reaches it in a
 * fraction of a second: asking Docker costs more than a second of class loading and API calls alone.
 */
record KeptContainer(String host, int port, String containerId) {

    /** The note of the container kept for {@code key}, if there is one; it may be stale, so the caller checks it. */
    static Optional<KeptContainer> find(String key) {
        Properties note = new Properties();
        try (Reader in = Files.newBufferedReader(file(key))) {
            note.load(in);
            return Optional.of(new KeptContainer(note.getProperty("host"), Integer.parseInt(note.getProperty("port")),
                    note.getProperty("container")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Notes this container for the next run; a note that cannot be written only costs that run the slow way. */
    void note(String key, Consumer<String> notices) {
        Properties note = new Properties();
        note.setProperty("host", host);
        note.setProperty("port", Integer.toString(port));
        note.setProperty("container", containerId);
        try (Writer out = Files.newBufferedWriter(file(key))) {
            note.store(out, "the PostgreSQL container that snipcheck keeps for the next run (--postgres-reuse)");
        } catch (IOException e) {
            notices.accept("could not note the kept container in " + file(key) + ": " + e.getMessage());
        }
    }

    private static Path file(String key) {
        return Path.of(System.getProperty("java.io.tmpdir"), "snipcheck-" + System.getProperty("user.name") + "-" + key + ".properties");
    }
}
