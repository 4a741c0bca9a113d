package dev.snipcheck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How every front end names a page in its reports. */
class PageFilesTest {

    @TempDir
    Path dir;

    @Test
    void displayPathIsRelativeToTheWorkingDirectoryWithForwardSlashes() {
        PageFiles files = new PageFiles(dir);
        assertEquals("docs/guide/pool.md", files.display(dir.resolve("docs").resolve("guide").resolve("pool.md")));
        Path outside = dir.getParent().resolve("elsewhere.md").toAbsolutePath();
        assertEquals(outside.toString().replace('\\', '/'), files.display(outside));
    }
}
