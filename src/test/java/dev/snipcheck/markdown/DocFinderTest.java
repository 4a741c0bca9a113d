package dev.snipcheck.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DocFinderTest {

    @TempDir
    Path dir;

    @Test
    void walksDirectoriesForMarkdownSkippingHiddenBuildAndDependencyFolders() throws IOException {
        for (String file : List.of("docs/b.md", "docs/a.markdown", "docs/notes.txt", "docs/sub/c.md",
                "docs/.git/d.md", "docs/target/e.md", "docs/node_modules/pkg/f.md", "docs/sub/target.md")) {
            touch(file);
        }

        assertEquals(List.of(dir.resolve("docs/a.markdown"), dir.resolve("docs/b.md"), dir.resolve("docs/sub/c.md"),
                dir.resolve("docs/sub/target.md")), DocFinder.find(List.of(dir.resolve("docs")), link -> { }));
    }

    @Test
    void filesAreTakenAsGivenSortedWithoutDuplicates() throws IOException {
        touch("docs/b.md");
        touch("notes.txt");
        touch("docs/.hidden.md");

        List<Path> found = DocFinder.find(List.of(dir.resolve("notes.txt"), dir.resolve("docs"),
                dir.resolve("docs/./b.md"), dir.resolve("docs/b.md")), link -> { });

        assertEquals(List.of(dir.resolve("docs/.hidden.md"), dir.resolve("docs/b.md"), dir.resolve("notes.txt")), found);
    }

    @Test
    void anExplicitlyGivenSkippedDirectoryIsSearched() throws IOException {
        touch("target/a.md");
        touch("target/target/b.md");

        assertEquals(List.of(dir.resolve("target/a.md")), DocFinder.find(List.of(dir.resolve("target")), link -> { }));
    }

    @Test
    void aMissingInputIsAnError() {
        Path missing = dir.resolve("missing.md");

        NoSuchFileException thrown = assertThrows(NoSuchFileException.class, () -> DocFinder.find(List.of(missing), link -> { }));
        assertEquals(missing.toString(), thrown.getFile());
    }

    @Test
    void aDanglingSymbolicLinkGivenOrFoundIsToldOfNotSkippedSilently() throws IOException {
        touch("docs/a.md");
        Files.createSymbolicLink(dir.resolve("docs/x.md"), dir.resolve("docs/gone.md"));
        Files.createSymbolicLink(dir.resolve("y.md"), dir.resolve("gone.md"));
        List<Path> dangling = new java.util.ArrayList<>();

        List<Path> found = DocFinder.find(List.of(dir.resolve("docs"), dir.resolve("y.md")), dangling::add);

        assertEquals(List.of(dir.resolve("docs/a.md")), found);
        assertEquals(List.of(dir.resolve("docs/x.md"), dir.resolve("y.md")), dangling);
    }

    private void touch(String file) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "# x\n");
    }
}
