package dev.snipcheck.markdown;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Finds the Markdown files to check among the files and directories given on the command line. */
public final class DocFinder {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules");

    private DocFinder() {
    }

    /** What a reader is told of a page that is not read: a symbolic link to a file that does not exist. */
    public static final String DANGLING_LINK = "a symbolic link to a missing file";

    /**
     * Files are taken as given; directories are searched recursively for {@code *.md} and
     * {@code *.markdown}, skipping hidden directories, {@code target} and {@code node_modules}.
     *
     * @param danglingLink hears of each given or found page that is a symbolic link to a missing file, which
     *                     cannot be read: silently leaving it out would pass a page nobody checked
     * @return the files sorted by path, without duplicates
     * @throws NoSuchFileException when an input does not exist
     */
    public static List<Path> find(List<Path> inputs, Consumer<Path> danglingLink) throws IOException {
        Set<Path> found = new TreeSet<>();
        Set<Path> dangling = new TreeSet<>();
        for (Path input : inputs) {
            Path path = input.normalize();
            if (isDanglingLink(path)) {
                dangling.add(path);
            } else if (!Files.exists(path)) {
                throw new NoSuchFileException(input.toString());
            } else if (Files.isDirectory(path)) {
                walk(path, found, dangling);
            } else {
                found.add(path);
            }
        }
        dangling.forEach(danglingLink);
        return List.copyOf(found);
    }

    /** Whether the path is a symbolic link whose target does not exist. */
    public static boolean isDanglingLink(Path path) {
        return Files.isSymbolicLink(path) && !Files.exists(path);
    }

    /** The directories {@link #find} searches, and the parents of the files given: what watch mode watches. */
    public static List<Path> directories(List<Path> inputs) throws IOException {
        Set<Path> directories = new TreeSet<>();
        for (Path input : inputs) {
            Path path = input.toAbsolutePath().normalize();
            if (!Files.isDirectory(path)) {
                directories.add(path.getParent());
                continue;
            }
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (dir.equals(path) || !isSkipped(dir)) {
                        directories.add(dir);
                        return FileVisitResult.CONTINUE;
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
            });
        }
        return List.copyOf(directories);
    }

    private static void walk(Path root, Set<Path> found, Set<Path> dangling) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                // the root is searched whatever its name: the user asked for it
                return dir.equals(root) || !isSkipped(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (isMarkdown(file.getFileName().toString()) && Files.isRegularFile(file)) {
                    found.add(file);
                } else if (isMarkdown(file.getFileName().toString()) && isDanglingLink(file)) {
                    dangling.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isSkipped(Path dir) {
        String name = dir.getFileName().toString();
        return name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name);
    }

    /** True for the names of the files that a directory is searched for: {@code *.md} and {@code *.markdown}. */
    public static boolean isMarkdown(String name) {
        return name.endsWith(".md") || name.endsWith(".markdown");
    }
}
