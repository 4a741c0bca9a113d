package dev.snipcheck.cache;

import dev.snipcheck.markdown.Page;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.PageResult;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.run.RunSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The verdicts of pages that passed, kept in a directory so that a run in which nothing a page's verdicts depend on
 * has changed reports them without compiling or running the page, and without starting PostgreSQL.
 *
 * <p>A page's key is a SHA-256 of its path as reports show it, its bytes (front matter included), the
 * {@link RunKey run's key} and the version of the PostgreSQL server last seen with the run's PostgreSQL settings:
 * asking the server itself would mean starting it. One entry per page ({@code pages/<digest of its path>}) holds
 * the key it was stored under, so that a changed page replaces its entry and the directory never grows beyond the
 * pages verified.
 */
public final class VerdictCache {

    private final Path pages;
    private final FileDigests digests;
    private final String runKey;
    private final Path serverFile;
    private final Optional<String> lastServerVersion;

    private VerdictCache(Path directory, FileDigests digests, String runKey, Path serverFile) {
        this.pages = directory.resolve("pages");
        this.digests = digests;
        this.runKey = runKey;
        this.serverFile = serverFile;
        this.lastServerVersion = readString(serverFile);
    }

    /**
     * The cache in {@code directory}, made if need be, for a run of these settings against this class path.
     *
     * @throws IOException when the directory cannot be made or the class path cannot be read, for the front end to
     *                     report before it runs without the cache
     */
    public static VerdictCache open(Path directory, RunSettings settings, String classpath) throws IOException {
        Files.createDirectories(directory.resolve("pages"));
        FileDigests digests = FileDigests.load(directory.resolve("files"));
        String runKey = RunKey.of(settings, classpath, digests);
        Path serverFile = directory.resolve("server-" + RunKey.ofServer(settings.postgres()));
        return new VerdictCache(directory, digests, runKey, serverFile);
    }

    /** The page's verdicts as the last run that stored them under the same key reported them, marked cached. */
    public Optional<PageResult> lookup(Page page) {
        if (!page.options().cache()) {
            return Optional.empty();
        }
        try {
            Optional<String> key = key(page, lastServerVersion);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            return PageEntry.read(Files.readAllBytes(entry(page)), key.get(), page);
        } catch (IOException e) {
            // no entry yet, or one that cannot be read: the page runs, and its entry is written anew
            return Optional.empty();
        }
    }

    /**
     * Keeps the verdicts of a page that ran now, if they may be reused: every block passed or was skipped for what
     * the page itself says ({@code ignore}, the front matter's {@code skip}); failures, and skips for want of a
     * Python, run again next time.
     *
     * @param serverVersion the version of the server this run started, if it started one
     */
    public void store(PageResult result, Optional<String> serverVersion) throws IOException {
        if (result.cached() || !cacheable(result)) {
            return;
        }
        Optional<String> version = serverVersion.or(() -> lastServerVersion);
        Optional<String> key = key(result.page(), version);
        if (key.isPresent()) {
            writeAtomically(entry(result.page()), PageEntry.write(key.get(), result));
        }
    }

    /**
     * Remembers the version of the server this run started, so that the next run with the same PostgreSQL settings
     * keys its pages by it without starting the server; and the digests of the class path's files.
     */
    public void finish(Optional<String> serverVersion) throws IOException {
        if (serverVersion.isPresent() && !serverVersion.equals(lastServerVersion)) {
            writeAtomically(serverFile, serverVersion.get().getBytes(StandardCharsets.UTF_8));
        }
        digests.save();
    }

    static boolean cacheable(PageResult result) {
        if (!result.page().options().cache()) {
            return false;
        }
        for (BlockResult block : result.blocks()) {
            boolean skippedByText = block.verdict() == Verdict.SKIPPED
                    && (block.block().attributes().ignore() || result.page().options().skip().isPresent());
            if (block.verdict() != Verdict.PASSED && !skippedByText) {
                return false;
            }
        }
        return true;
    }

    /** Empty when the page's file cannot be read now: then it cannot be cached, and running it says why. */
    private Optional<String> key(Page page, Optional<String> serverVersion) {
        byte[] text;
        try {
            text = Files.readAllBytes(page.file());
        } catch (IOException e) {
            return Optional.empty();
        }
        MessageDigest digest = FileDigests.sha256();
        digest.update((runKey + "\nserver " + serverVersion.orElse("none") + "\npage " + page.displayPath()
                + "\nblocks " + page.blocks().size() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        digest.update(text);
        // what snipcheck.yaml adds to the page's text: its options, its prelude blocks and its placeholders' code
        StringBuilder configured = new StringBuilder("\noptions ").append(page.options()).append('\n');
        page.blocks().forEach(block -> configured.append(block.prelude().map(Object::toString).orElse("page"))
                .append(' ').append(block.fenceLine()).append('\n').append(block.code()).append('\n'));
        digest.update(configured.toString().getBytes(StandardCharsets.UTF_8));
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    private Path entry(Page page) {
        return pages.resolve(FileDigests.sha256(page.file().toAbsolutePath().normalize().toString()
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<String> readString(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes next to the target and moves it into place, so that a reader sees the old bytes or the new. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".write-", ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
