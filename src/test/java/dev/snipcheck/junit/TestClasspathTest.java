package dev.snipcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snippets get the real entries of the test class path, however Surefire hands them over. */
class TestClasspathTest {

    @TempDir
    Path directory;

    @Test
    void theEntriesOfAManifestOnlyJarAndOfAnIsolatedClassLoaderAreSpelledOut() throws IOException {
        Path classes = Files.createDirectories(directory.resolve("test classes"));
        Path library = Files.createDirectories(directory.resolve("lib"));
        Path isolated = Files.createDirectories(directory.resolve("isolated"));
        // as surefire writes it: absolute file URLs, and one entry relative to the jar
        Path booter = jar(directory.resolve("surefirebooter.jar"),
                classes.toUri() + " lib/ " + directory.resolve("missing.jar").toUri());
        String saved = System.getProperty("java.class.path");
        System.setProperty("java.class.path", booter.toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {isolated.toUri().toURL()}, null)) {
            assertEquals(List.of(booter, classes, library, isolated),
                    List.of(TestClasspath.of(loader).split(File.pathSeparator)).stream().map(Path::of).toList());
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }

    private static Path jar(Path file, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            return file;
        }
    }
}
