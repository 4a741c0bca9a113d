package dev.snipcheck.verdict;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.ExternalServer;
import dev.snipcheck.protocol.SqlOutcome;
import dev.snipcheck.worker.ServerText;
import dev.snipcheck.worker.SqlRunner;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs each query through snipcheck's sql path (the worker's runner on an R2DBC pool, then the
 * psql renderer) and through the real {@code psql} client, and requires the same bytes. Skipped,
 * with the reason, where psql is not installed.
 */
class PsqlRenderingTest {

    private static Path psql;
    private static ExternalServer server;
    private static Database database;
    private static ConnectionPool pool;

    @BeforeAll
    static void connect() throws Exception {
        psql = findPsql().orElse(null);
        assumeTrue(psql != null, "psql is not installed (looked on the PATH and in /usr/bin): "
                + "the rendering is not compared with it");
        server = ExternalServer.connect(TestPostgres.url(), System.err::println);
        database = server.createDatabase();
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(
                PostgresqlConnectionConfiguration.builder()
                        .host(database.host()).port(database.port()).database(database.name())
                        .username(database.user()).password(database.password())
                        .codecRegistrar(ServerText.REGISTRAR)
                        .build())).maxSize(2).build());
        psql("""
                create table item (id int primary key, name text, price numeric(8,2), stock int, note text);
                insert into item values
                    (1, 'bolt', 0.25, 1200, null),
                    (2, 'washer, with a longer name', 12.00, null, E'two\\nlines'),
                    (3, 'nut', 1234.5, 7, '');
                create table tagged (id int);
                """);
    }

    @AfterAll
    static void disconnect() {
        if (pool != null) {
            pool.dispose();
        }
        if (server != null) {
            server.dropDatabase(database);
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select 1 as one, -42 as negative, 9223372036854775807::bigint as big, 32767::smallint as small",
            "select 1.5::numeric as n, 12345.6789::numeric(10,4) as fixed, 0.1::float8 as f8, 1e20::float8 as huge, "
                    + "3.14::real as r, 42::oid as o, 1.5::money as m",
            "select 'a' as short, 'a somewhat longer text value' as long, '' as empty",
            "select null as nothing, null::int as no_int, 'x' as x, null::text as last",
            "select * from item order by id",
            "select id, name from item where price > 1 order by id",
            "select repeat('wide ', 40) as wide, 1 as n, repeat('x', 100) as wider",
            "select E'line one\\nline two\\nthree' as multi, 42 as n, E'a\\nb' as \"two\nlines\", 'end' as e",
            "select 7 as n, E'right\\naligned' as t, 12345 as after",
            "select true as yes, false as no, null::boolean as unknown",
            "select 1 as a, 'b' as b where false",
            "select id, price from item where false",
            "select",
            "select 'Ünïcödé' as latin, '日本語' as cjk, 'e' || U&'\\0301' as combining, '😀' as emoji",
            "select g, g * g as square, repeat('*', g) as bar from generate_series(1, 12) g",
            "select E'a\\tb' as tab, E'tab\\tafter\\ttwo' as tabs, E'x\\ry' as cr, E'\\x01' as control",
            "select date '2024-01-02' as d, interval '1 day 2 hours' as i, '{1,2,3}'::int[] as arr, "
                    + "'{\"a\": 1}'::jsonb as j, 'abc'::bytea as b, 'fe80::1'::inet as ip",
            "select 1 as \"a long header\", 'x' as \"another long header\"",
            "values (1, 'one'), (2, 'two')",
            "table item",
            "with recent as (select * from item where id > 1) select count(*) from recent",
            "explain (costs off) select * from item where id = 1",
            "show standard_conforming_strings",
            "create table if not exists tagged (id int)",
            "insert into tagged values (1), (2)",
            "with one as (select 3 as id) insert into tagged select id from one",
            "update tagged set id = id",
            "delete from tagged where false",
            "drop table if exists no_such_table",
            "create index if not exists tagged_id on tagged (id)",
            "create or replace function answer() returns int language sql as 'select 42'",
            "create or replace view cheap as select * from item where price < 1",
            "alter table tagged add column if not exists note text",
            "comment on table tagged is 'for command tags'",
            "grant select on tagged to public",
            "do $$ begin perform 1; end $$",
            "set search_path = public",
            "analyze tagged",
            "select 1 as one into temporary table selected_into",
            "create temporary table created_as as select * from item",
    })
    void rendersAsPsqlDoes(String statement) throws Exception {
        SqlOutcome outcome;
        // a runner holds one of the pool's two connections until closed, as a page's sql session does
        try (SqlRunner runner = new SqlRunner(pool)) {
            outcome = runner.run(List.of(statement), true);
        }
        assertNull(outcome.error(), () -> "the statement failed: " + outcome.error());
        String rendered = SqlBlock.render(outcome, statement);

        assertEquals(psql(statement), rendered);
    }

    /** What psql prints for one statement, default format, no psqlrc. */
    private static String psql(String sql) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(psql.toString(), "-X", "-v", "ON_ERROR_STOP=1",
                "-h", database.host(), "-p", String.valueOf(database.port()), "-U", database.user(),
                "-d", database.name(), "-c", sql);
        Map<String, String> environment = builder.environment();
        environment.put("PGPASSWORD", database.password());
        environment.put("PGCLIENTENCODING", "UTF8");
        environment.remove("PSQLRC");
        environment.remove("PGOPTIONS");
        Path stderr = Files.createTempFile("psql", ".err");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        String err = Files.readString(stderr);
        Files.delete(stderr);
        if (!ended || process.exitValue() != 0) {
            throw new IllegalStateException("psql failed on " + sql + ": " + err);
        }
        return out;
    }

    private static Optional<Path> findPsql() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "psql"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
