package dev.snipcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the synthetic docs corpus the benchmark runs: pages of ten blocks each, Java fragments
 * that build a session across blocks, SQL, and light R2DBC work on the page's database, with
 * expected output. Every page also has a plain Java twin, one class, for the compile floor.
 */
public final class CorpusGenerator {

    static final int BLOCKS_PER_PAGE = 10;

    /** One block: its language, its Markdown text, its expected output, and its plain Java form. */
    record Template(String language, String code, String output, String members, String statements) {
        /** The template with its names ({@code @} in its text) ending in {@code suffix}. */
        Template named(String suffix) {
            return new Template(language, code.replace("@", suffix), output, members.replace("@", suffix),
                    statements.replace("@", suffix));
        }

        /** The template with comment lines at the top of its code, to about {@code bytes} in all. */
        Template padded(int bytes) {
            String comment = language.equals("sql") ? "-- " : "// ";
            String line = comment + "padding of a large block, to make the page as large as a hostile one\n";
            String padding = line.repeat(Math.max(0, (bytes - code.length()) / line.length()));
            return new Template(language, padding + code, output,
                    members.isEmpty() ? members : padding + members, members.isEmpty() ? padding + statements : statements);
        }
    }

    private CorpusGenerator() {
    }

    /**
     * How a corpus's blocks are laid out: {@code pages} pages of {@code groups} times the ten blocks of
     * {@link #templates}, each Java and SQL block padded with comment lines to about {@code blockBytes}
     * (0: no padding). The groups of a page name their types, variables and tables apart.
     */
    record Layout(int pages, int groups, int blockBytes) {
        /** Pages of ten blocks, the corpus of the benchmark's main table. */
        static Layout pagesOfTen(int blocks) {
            return new Layout(Math.max(1, blocks / BLOCKS_PER_PAGE), 1, 0);
        }

        /** All blocks on one page. */
        static Layout onePage(int blocks, int blockBytes) {
            return new Layout(1, Math.max(1, blocks / BLOCKS_PER_PAGE), blockBytes);
        }

        int blocks() {
            return pages * groups * BLOCKS_PER_PAGE;
        }
    }

    /**
     * {@code CorpusGenerator BLOCKS DIR [one-page [BLOCK_BYTES]]}: writes the corpus to DIR/docs and its twins to
     * DIR/plain, to look at.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[1]);
        int blocks = Integer.parseInt(args[0]);
        Layout layout = args.length > 2 && args[2].equals("one-page")
                ? Layout.onePage(blocks, args.length > 3 ? Integer.parseInt(args[3]) : 0) : Layout.pagesOfTen(blocks);
        write(layout, root.resolve("docs"), root.resolve("plain"));
    }

    /** Writes {@code blocks / 10} pages of ten blocks to {@code docs} and their plain Java twins to {@code plain}. */
    static void write(int blocks, Path docs, Path plain) throws IOException {
        write(Layout.pagesOfTen(blocks), docs, plain);
    }

    static void write(Layout layout, Path docs, Path plain) throws IOException {
        Files.createDirectories(docs);
        Files.createDirectories(plain.resolve("bench"));
        for (int p = 0; p < layout.pages(); p++) {
            List<Template> templates = new java.util.ArrayList<>();
            for (int g = 0; g < layout.groups(); g++) {
                String suffix = layout.groups() == 1 ? "" : "_" + g;
                for (Template t : templates(p)) {
                    templates.add(t.named(suffix).padded(layout.blockBytes()));
                }
            }
            Files.writeString(docs.resolve(String.format("page-%05d.md", p)), markdown(p, templates));
            Files.writeString(plain.resolve("bench").resolve(className(p) + ".java"), plainJava(p, templates));
        }
    }

    static String className(int page) {
        return String.format("Page%05d", page);
    }

    static List<Template> templates(int p) {
        return List.of(
                declaration("record Item@(int id, String name) {}\n", "var", "ArrayList<Item@>", "items@",
                        "new ArrayList<Item@>();\n", null),
                statements("""
                        for (int i = 0; i < 20; i++) {
                            items@.add(new Item@(i, "item-%d-" + i));
                        }
                        """.formatted(p), null),
                members("""
                        static int total@(List<Item@> xs) {
                            return xs.stream().mapToInt(Item@::id).sum();
                        }
                        """),
                statements("""
                        System.out.println("total " + total@(items@) + " on page %d");
                        """.formatted(p), "total 190 on page " + p),
                sql("""
                        CREATE TABLE item@ (id int PRIMARY KEY, name text NOT NULL);
                        INSERT INTO item@ SELECT g, 'item-%d-' || g FROM generate_series(1, 20) g;
                        """.formatted(p), null),
                declaration("", "String", "String", "name@", """
                        Flux.usingWhen(pool.create(),
                                c -> Flux.from(c.createStatement("SELECT name FROM item@ WHERE id = $1").bind("$1", 3).execute())
                                        .flatMap(r -> r.map((row, meta) -> row.get(0, String.class))),
                                Connection::close)
                            .blockLast();
                        System.out.println(name@);
                        """, "item-" + p + "-3"),
                members("""
                        sealed interface Shape@ permits Square@, Circle@ {}
                        record Square@(double side) implements Shape@ {}
                        record Circle@(double radius) implements Shape@ {}
                        static double area@(Shape@ shape) {
                            if (shape instanceof Square@ s) return s.side() * s.side();
                            Circle@ c = (Circle@) shape;
                            return Math.PI * c.radius() * c.radius();
                        }
                        """),
                declaration("", "var", "String", "words@", """
                        Stream.of("page", "%d", "of", "the", "corpus")
                                .map(String::toUpperCase)
                                .collect(Collectors.joining(" "));
                        System.out.printf("%%s %%.1f%%n", words@, area@(new Square@(2)));
                        """.formatted(p), "PAGE " + p + " OF THE CORPUS 4.0"),
                sql("SELECT id, name FROM item@ WHERE id <= 2 ORDER BY id;\n", selectOutput(p)),
                declaration("", "Long", "Long", "updated@", """
                        Mono.usingWhen(pool.create(),
                                c -> Mono.from(c.createStatement("UPDATE item@ SET name = upper(name)").execute())
                                        .flatMap(r -> Mono.from(r.getRowsUpdated())),
                                Connection::close)
                            .block();
                        System.out.println(updated@ + " rows");
                        """, "20 rows"));
    }

    private static Template members(String code) {
        return new Template("java", code, null, code, "");
    }

    private static Template statements(String code, String output) {
        return new Template("java", code, output, "", code);
    }

    private static Template sql(String code, String output) {
        return new Template("sql", code, output, "", "");
    }

    /**
     * A block that declares a session variable after some {@code members}: in Markdown
     * {@code TYPE NAME = REST}; in the plain twin a static field, assigned in the block's method.
     */
    private static Template declaration(String members, String type, String plainType, String name, String rest,
                                        String output) {
        return new Template("java", members + type + " " + name + " = " + rest, output,
                members + "static " + plainType + " " + name + ";\n", name + " = " + rest);
    }

    /** What psql prints for the page's SELECT: the name column centres its header over the widest value. */
    private static String selectOutput(int p) {
        String first = "item-" + p + "-1";
        int width = first.length();
        int left = (width - "name".length()) / 2;
        String header = " id | " + " ".repeat(left) + "name";
        return header + "\n----+-" + "-".repeat(width) + "-\n  1 | " + first + "\n  2 | item-" + p + "-2\n(2 rows)";
    }

    private static String markdown(int p, List<Template> templates) {
        StringBuilder md = new StringBuilder("""
                ---
                snipcheck:
                  mode: async
                ---
                # Page %d of the benchmark corpus

                """.formatted(p));
        for (Template t : templates) {
            md.append("Some prose about the next example.\n\n```").append(t.language()).append('\n')
                    .append(t.code()).append("```\n\n");
            if (t.output() != null) {
                md.append("```output\n").append(t.output()).append("\n```\n\n");
            }
        }
        return md.toString();
    }

    private static String plainJava(int p, List<Template> templates) {
        StringBuilder java = new StringBuilder("""
                package bench;

                import io.r2dbc.pool.ConnectionPool;
                import io.r2dbc.spi.Connection;
                import java.util.*;
                import java.util.stream.*;
                import reactor.core.publisher.Flux;
                import reactor.core.publisher.Mono;

                public class %s {
                    static ConnectionPool pool;
                """.formatted(className(p)));
        int block = 0;
        for (Template t : templates) {
            if (!t.language().equals("java")) {
                continue;
            }
            java.append(t.members().indent(4));
            if (!t.statements().isEmpty()) {
                java.append("    static void block").append(block++).append("() throws Exception {\n")
                        .append(t.statements().indent(8)).append("    }\n");
            }
        }
        return java.append("}\n").toString();
    }
}
