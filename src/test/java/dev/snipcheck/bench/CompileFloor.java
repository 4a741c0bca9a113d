package dev.snipcheck.bench;

import dev.snipcheck.postgres.EmbeddedServer;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor the benchmark measures snipcheck against: what no doc tester can avoid, starting the
 * same embedded PostgreSQL and one javac task over the corpus's plain Java twins.
 */
public final class CompileFloor {

    private CompileFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]);
        Path classes = Files.createTempDirectory("floor-classes");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).toList();
        }
        try (EmbeddedServer server = EmbeddedServer.start(System.err::println)) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null, null)) {
                Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
                List<String> options = List.of("-proc:none", "-g", "-nowarn", "-d", classes.toString(),
                        "-cp", System.getProperty("java.class.path"));
                if (!javac.getTask(null, manager, null, options, null, units).call()) {
                    throw new IllegalStateException("the plain Java twins do not compile");
                }
            }
            System.out.println("floor: " + files.size() + " classes compiled; " + server.description());
        }
    }
}
