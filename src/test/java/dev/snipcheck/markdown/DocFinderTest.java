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
                dir.resolve("docs/sub/target.md")), DocFinder.find(List.of(dir.resolve("docs"))));
    }

    @Test
    void filesAreTakenAsGivenSortedWithoutDuplicates() throws IOException {
        touch("docs/b.md");
        touch("notes.txt");
        touch("docs/.hidden.md");

        List<Path> found = DocFinder.find(List.of(dir.resolve("notes.txt"), dir.resolve("docs"),
                dir.resolve("docs/./b.md"), dir.resolve("docs/b.md")));

        assertEquals(List.of(dir.resolve("docs/.hidden.md"), dir.resolve("docs/b.md"), dir.resolve("notes.txt")), found);
    }

    @Test
    void anExplicitlyGivenSkippedDirectoryIsSearched() throws IOException {
        touch("target/a.md");
        touch("target/target/b.md");

        assertEquals(List.of(dir.resolve("target/a.md")), DocFinder.find(List.of(dir.resolve("target"))));
    }

    @Test
    void aMissingInputIsAnError() {
        Path missing = dir.resolve("missing.md");

        NoSuchFileException thrown = assertThrows(NoSuchFileException.class, () -> DocFinder.find(List.of(missing)));
        assertEquals(missing.toString(), thrown.getFile());
    }

    private void touch(String file) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "# x\n");
    }
}
