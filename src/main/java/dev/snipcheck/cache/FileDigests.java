package dev.snipcheck.cache;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * SHA-256 digests of the files of a class path, each remembered by path, size and modification time in the cache
 * directory, so that an unchanged jar of many megabytes is read once rather than on every run.
 */
final class FileDigests {

    private final Path store;
    /** {@code size mtime path} of a file to its digest, as the last run left them. */
    private final Map<String, String> known = new ConcurrentHashMap<>();
    /** What this run used: what is saved, so that the store holds the current files only and never grows. */
    private final Map<String, String> used = new ConcurrentHashMap<>();

    private FileDigests(Path store) {
        this.store = store;
    }

    /** The digests remembered in {@code store}; none when it does not exist yet or cannot be read. */
    static FileDigests load(Path store) {
        FileDigests digests = new FileDigests(store);
        try {
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    digests.known.put(line.substring(tab + 1), line.substring(0, tab));
                }
            }
        } catch (IOException e) {
            // no store yet, or a damaged one: every file is read again, and the store written anew
        }
        return digests;
    }

    /**
     * One digest of a whole class path: of each entry in order, a jar by its bytes, a directory by the relative
     * path and bytes of every file in it, an entry that does not exist as such (the JVM ignores it too).
     */
    String ofClasspath(String classpath) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                text.append(entry).append('=').append(ofEntry(Path.of(entry))).append('\n');
            }
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    String ofEntry(Path entry) throws IOException {
        if (Files.isRegularFile(entry)) {
            return of(entry);
        }
        if (!Files.isDirectory(entry)) {
            return "missing";
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(entry)) {
            files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(entry.relativize(file)).append('=').append(of(file)).append('\n');
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes what this run used, atomically, so that a run at the same time reads the old store or the new. */
    void save() throws IOException {
        if (used.equals(known)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        used.forEach((file, digest) -> text.append(digest).append('\t').append(file).append('\n'));
        VerdictCache.writeAtomically(store, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String of(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return "missing";
        }
        String stamp = attributes.size() + " " + attributes.lastModifiedTime().toMillis() + " " + file.toAbsolutePath();
        String digest = known.get(stamp);
        if (digest == null) {
            digest = read(file);
        }
        used.put(stamp, digest);
        return digest;
    }

    private static String read(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
