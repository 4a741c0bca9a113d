package dev.snipcheck.junit;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path snippets compile and run against: the test run's own, so docs can use the consumer's classes.
 * Surefire by default starts tests with a manifest-only jar, whose {@code Class-Path} attribute lists the real
 * entries, and in its isolated mode puts them in a class loader instead: both are spelled out here, entry by entry.
 */
final class TestClasspath {

    private final Set<Path> entries = new LinkedHashSet<>();

    private TestClasspath() {
    }

    static String of(ClassLoader loader) {
        TestClasspath classpath = new TestClasspath();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classpath.add(entry);
            }
        }
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    classpath.add(url);
                }
            }
        }
        return String.join(File.pathSeparator, classpath.entries.stream().map(Path::toString).toList());
    }

    private void add(String entry) {
        try {
            add(Path.of(entry).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            // not a path this JVM could load classes from either
        }
    }

    private void add(URL url) {
        try {
            if (url.getProtocol().equals("file")) {
                add(Path.of(url.toURI()).normalize());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a local file: nothing javac or a worker JVM could read
        }
    }

    private void add(Path entry) {
        // a missing entry is skipped by the JVM too; listed, it would only make javac warn
        if (!Files.exists(entry) || !entries.add(entry) || !Files.isRegularFile(entry)) {
            return;
        }
        for (String reference : manifestClassPath(entry)) {
            try {
                // Class-Path entries are URLs relative to the jar; surefire writes absolute file: URLs
                add(entry.getParent().toUri().resolve(reference).toURL());
            } catch (IOException | IllegalArgumentException e) {
                // an entry the JVM would skip as well
            }
        }
    }

    private static String[] manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            return value == null || value.isBlank() ? new String[0] : value.strip().split("\\s+");
        } catch (IOException e) {
            return new String[0];
        }
    }
}
