package dev.snipcheck.bench;

import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.EmbeddedServer;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The floor the benchmark measures snipcheck against: what no doc tester can avoid, starting the
 * same embedded PostgreSQL and one javac task over the corpus's plain Java twins. Given a number of
 * pages, it is the floor of a doc tester that gives every page a fresh database, as snipcheck's
 * contract does: while javac compiles, another thread creates each page's database, logs in to it
 * once with one query and drops it.
 */
public final class CompileFloor {

    private CompileFloor() {
    }

    /** {@code CompileFloor PLAIN_DIR [PAGES]}. */
    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]);
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path classes = Files.createTempDirectory("floor-classes");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).toList();
        }
        try (EmbeddedServer server = EmbeddedServer.start(System.err::println)) {
            ExecutorService databases = Executors.newSingleThreadExecutor();
            Future<?> pagesDone = databases.submit(() -> {
                for (int page = 0; page < pages; page++) {
                    Database database = server.createDatabase();
                    PageDatabaseCost.logInAndQuery(database);
                    server.dropDatabase(database);
                }
                return null;
            });
            databases.shutdown();
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null, null)) {
                Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
                List<String> options = List.of("-proc:none", "-g", "-nowarn", "-d", classes.toString(),
                        "-cp", System.getProperty("java.class.path"));
                if (!javac.getTask(null, manager, null, options, null, units).call()) {
                    throw new IllegalStateException("the plain Java twins do not compile");
                }
            }
            pagesDone.get();
            System.out.println("floor: " + files.size() + " classes compiled, " + pages + " page databases; "
                    + server.description());
        }
    }
}
