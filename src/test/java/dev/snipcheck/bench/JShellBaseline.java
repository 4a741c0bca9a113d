package dev.snipcheck.bench;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.MarkdownReader;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.EmbeddedServer;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The baseline the benchmark compares snipcheck with: the way a doc tester without merged
 * compilation would run the corpus, one JShell (local execution) per page, fed the page's Java
 * blocks snippet by snippet, with the page's SQL sent over JDBC, on a fresh database per page
 * of the same embedded PostgreSQL. It checks that every block ran, so its time is honest work.
 */
public final class JShellBaseline {

    private static final List<String> IMPORTS = List.of("java.util.*", "java.util.function.*", "java.time.*",
            "java.util.concurrent.*", "java.util.stream.*", "io.r2dbc.spi.*", "io.r2dbc.pool.*",
            "reactor.core.publisher.*", "reactor.core.scheduler.*", "org.reactivestreams.Publisher");

    private JShellBaseline() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.list(Path.of(args[0]))) {
            files = walk.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        int blocks = 0;
        int failed = 0;
        try (EmbeddedServer server = EmbeddedServer.start(System.err::println)) {
            for (Path file : files) {
                Page page = new MarkdownReader().read(file, file.getFileName().toString());
                Database database = server.createDatabase();
                try (JShell shell = JShell.builder().executionEngine("local").build();
                     Connection jdbc = DriverManager.getConnection(database.jdbcUrl())) {
                    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                        shell.addToClasspath(entry);
                    }
                    IMPORTS.forEach(i -> shell.eval("import " + i + ";"));
                    shell.eval("var pool = new ConnectionPool(ConnectionPoolConfiguration.builder("
                            + "ConnectionFactories.get(\"" + database.r2dbcUrl() + "\")).build());");
                    for (Block block : page.blocks()) {
                        if (block.isJava()) {
                            blocks++;
                            failed += evaluate(shell, block.code()) ? 0 : 1;
                        } else if (block.isSql()) {
                            blocks++;
                            try (Statement statement = jdbc.createStatement()) {
                                statement.execute(block.code());
                            }
                        }
                    }
                    shell.eval("pool.dispose();");
                } finally {
                    server.dropDatabase(database);
                }
            }
        }
        System.out.println("jshell baseline: " + blocks + " blocks, " + failed + " failed");
        if (failed > 0) {
            System.exit(1);
        }
    }

    /** Feeds one block to JShell a complete snippet at a time; false when any is rejected or throws. */
    private static boolean evaluate(JShell shell, String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        boolean ok = true;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                    System.err.println("baseline: " + event.snippet().source().strip() + " -> " + event.status()
                            + (event.exception() != null ? " " + event.exception() : "")
                            + shell.diagnostics(event.snippet()).map(d -> " " + d.getMessage(null)).toList());
                    ok = false;
                }
            }
            remaining = info.remaining();
        }
        return ok;
    }
}
