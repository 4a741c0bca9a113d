package dev.snipcheck.cli;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A project's jar for tests of the class path: {@code lib/greeter.jar}, compiled from source as a build would. */
final class GreeterJar {

    private GreeterJar() {
    }

    /** Writes {@code dir/lib/greeter.jar}, whose {@code com.example.Greeter.greet(name)} returns greeting + name. */
    static Path write(Path dir, String greeting) throws IOException {
        Path source = dir.resolve("src/com/example/Greeter.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.example;

                public final class Greeter {
                    public static String greet(String name) {
                        return "%s" + name;
                    }
                }
                """.formatted(greeting));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));
        Path jar = dir.resolve("lib/greeter.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("com/example/Greeter.class"));
            out.write(Files.readAllBytes(classes.resolve("com/example/Greeter.class")));
            out.closeEntry();
        }
        return jar;
    }
}
