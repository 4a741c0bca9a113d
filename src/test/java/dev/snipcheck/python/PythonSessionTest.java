package dev.snipcheck.python;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.TestPython;
import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.MarkdownReader;
import dev.snipcheck.markdown.Page;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.ExternalServer;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python blocks run in the worker against a real PostgreSQL: verdicts, positions and misuses at Markdown lines. */
class PythonSessionTest {

    private static ExternalServer server;

    @BeforeAll
    static void connect() throws DatabaseUnavailableException {
        server = ExternalServer.connect(TestPostgres.url(), System.err::println);
    }

    @AfterAll
    static void disconnect() {
        server.close();
    }

    /** Runs the page's python blocks in one session and ends it; returns the results, misuses per block after. */
    private static List<Ran> run(String markdown, Duration timeout) throws DatabaseUnavailableException {
        Page page = new MarkdownReader().parse(markdown, Path.of("docs/p.md"), "docs/p.md");
        Database database = server.createDatabase();
        List<Ran> ran = new ArrayList<>();
        try (PythonSession session = PythonSession.start(TestPython.interpreter(), page,
                Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")))) {
            List<BlockResult> results = new ArrayList<>();
            for (Block block : page.blocks().stream().filter(Block::isPython).toList()) {
                results.add(session.run(block, database, timeout));
            }
            session.end();
            for (BlockResult result : results) {
                ran.add(new Ran(result, session.misuses(result.block()), session.printed(result.block())));
            }
        } finally {
            server.dropDatabase(database);
        }
        return ran;
    }

    private static List<Ran> run(String markdown) throws DatabaseUnavailableException {
        return run(markdown, Duration.ofSeconds(30));
    }

    private record Ran(BlockResult result, List<Finding> misuses, Optional<String> printed) {
        List<String> rulesAtLines() {
            return misuses.stream().map(f -> f.rule().orElseThrow().id() + "@" + f.position().orElseThrow()).toList();
        }
    }

    @Test
    void blocksShareANamespaceAndAwaitAtTopLevelOnTheAsyncPool() throws Exception {
        List<Ran> ran = run("""
                # page
                ```python
                async with pool.connection() as conn:
                    await conn.execute("CREATE TABLE book (title text)")
                    await conn.execute("INSERT INTO book VALUES ('Dune')")
                ```
                ```python
                async with pool.connection() as conn:
                    cur = await conn.execute("SELECT title FROM book")
                    title = (await cur.fetchone())[0]
                print(title, type(pool).__name__, "dbname=" in conninfo)
                ```
                """);
        assertEquals(Verdict.PASSED, ran.get(0).result().verdict(), ran.get(0).result().toString());
        assertEquals(Verdict.PASSED, ran.get(1).result().verdict(), ran.get(1).result().toString());
        assertEquals(Optional.of("Dune AsyncConnectionPool True\n"), ran.get(1).printed());
        assertEquals(List.of(), ran.get(1).misuses());
    }

    @Test
    void aSyncPageGetsASyncPool() throws Exception {
        List<Ran> ran = run("""
                ```python
                with pool.connection() as conn:
                    print(conn.execute("SELECT 40 + 2").fetchone()[0], type(pool).__name__)
                ```
                """);
        assertEquals(Optional.of("42 ConnectionPool\n"), ran.get(0).printed(), ran.get(0).result().toString());
    }

    @Test
    void thePsycopgDocsMistakeIsTheMisuseAtItsWithLineWhereAsyncIsDeclared() throws Exception {
        List<Ran> ran = run("""
                ---
                snipcheck:
                  mode: async
                ---
                ```python
                async with pool.connection() as conn:
                    await conn.execute("SELECT 1")

                    with conn.cursor() as cur:
                        await cur.execute("SELECT 2")
                ```
                """);
        BlockResult result = ran.get(0).result();
        assertEquals(Optional.of(Reason.EXCEPTION), result.reason());
        assertEquals("raised TypeError: 'AsyncCursor' object does not support the context manager protocol",
                result.message());
        assertEquals("9:5", result.position().orElseThrow().toString());
        assertTrue(result.output().contains("File \"docs/p.md\", line 9, in <module>\n    with conn.cursor() as cur:"),
                result.output());
        assertEquals(List.of("sync-api-in-async@9:5"), ran.get(0).rulesAtLines());
        assertEquals("use `async with`", ran.get(0).misuses().get(0).hint());
    }

    @Test
    void whereAsyncIsOnlyInferredThePlainWithIsAnExceptionWithTheHint() throws Exception {
        List<Ran> ran = run("""
                ```python
                async with pool.connection() as conn:
                    with conn.cursor() as cur:
                        pass
                ```
                """);
        assertEquals(List.of(), ran.get(0).misuses());
        assertEquals("psycopg's async objects need `async with`", ran.get(0).result().findings().get(0).hint());
    }

    @Test
    void anUnawaitedCoroutineIsChargedToItsLine() throws Exception {
        List<Ran> ran = run("""
                ```python
                async def insert(conn):
                    await conn.execute("SELECT 1")

                async with pool.connection() as conn:
                    conn.execute("SELECT 2")
                    insert(conn)
                ```
                ```python
                later = insert(None)
                ```
                """);
        assertEquals(List.of("unawaited-coroutine@6:5", "unawaited-coroutine@7:5"), ran.get(0).rulesAtLines());
        // a coroutine kept in a variable may be awaited by a later block: only the page's end tells
        assertEquals(List.of("unawaited-coroutine@10:1"), ran.get(1).rulesAtLines());
    }

    @Test
    void sleepingInsideACoroutineBlocksTheEventLoopButNotAtTopLevel() throws Exception {
        List<Ran> ran = run("""
                ```python
                import time, asyncio

                async def slow():
                    time.sleep(0.01)
                    await asyncio.sleep(0.01)

                await slow()
                time.sleep(0.01)
                ```
                """);
        assertEquals(List.of("blocking-in-event-loop@5:5"), ran.get(0).rulesAtLines());
    }

    @Test
    void aConnectionNeverGivenBackIsALeakAtTheLineThatTookIt() throws Exception {
        List<Ran> ran = run("""
                ```python
                conn = await pool.getconn()
                kept = await pool.getconn()
                ```
                ```python
                await pool.putconn(kept)
                async with pool.connection() as fine:
                    await fine.execute("SELECT 1")
                ```
                """);
        assertEquals(List.of("connection-leak@2:1"), ran.get(0).rulesAtLines());
        assertEquals(List.of(), ran.get(1).misuses());
    }

    @Test
    void aConnectionGivenBackInsideATransactionIsAnOpenTransaction() throws Exception {
        List<Ran> ran = run("""
                ```python
                conn = pool.getconn()
                conn.execute("CREATE TABLE t (x int)")
                pool.putconn(conn)
                ```
                """);
        assertEquals(List.of("open-transaction@2:1"), ran.get(0).rulesAtLines());
    }

    @Test
    void failsNamesTheExceptionOrASuperclass() throws Exception {
        List<Ran> ran = run("""
                ```python fails=UndefinedTable
                with pool.connection() as conn:
                    conn.execute("SELECT * FROM nowhere")
                ```
                ```python fails=psycopg.ProgrammingError
                with pool.connection() as conn:
                    conn.execute("SELECT * FROM nowhere")
                ```
                ```python fails=KeyError
                with pool.connection() as conn:
                    conn.execute("SELECT * FROM nowhere")
                ```
                ```python
                with pool.connection() as conn:
                    conn.execute("SELECT * FROM nowhere")
                ```
                """);
        assertEquals(Verdict.PASSED, ran.get(0).result().verdict(), ran.get(0).result().toString());
        assertEquals(Verdict.PASSED, ran.get(1).result().verdict(), ran.get(1).result().toString());
        assertEquals(Optional.of(Reason.EXPECTATION), ran.get(2).result().reason());
        BlockResult unexpected = ran.get(3).result();
        assertEquals(Optional.of(Reason.EXCEPTION), unexpected.reason());
        assertTrue(unexpected.message().startsWith("raised UndefinedTable: relation \"nowhere\" does not exist"),
                unexpected.message());
        assertEquals("15:5", unexpected.position().orElseThrow().toString());
    }

    @Test
    void aSyntaxErrorIsACompileErrorAtItsLineAndNoRunOnlyCompiles() throws Exception {
        List<Ran> ran = run("""
                - a list item
                  ```python
                  x = 1
                  if x
                      pass
                  ```
                ```python no_run
                import nothing_of_that_name
                ```
                """);
        assertEquals(Optional.of(Reason.COMPILE), ran.get(0).result().reason());
        assertEquals("4:7", ran.get(0).result().position().orElseThrow().toString());
        assertEquals(Verdict.PASSED, ran.get(1).result().verdict(), ran.get(1).result().toString());
    }

    @Test
    void aBlockThatEndsPythonCostsItself() throws Exception {
        List<Ran> ran = run("""
                ```python
                import os
                os._exit(3)
                ```
                """);
        assertEquals(Optional.of(Reason.EXCEPTION), ran.get(0).result().reason());
        assertEquals("Python ended with exit code 3 while the block ran", ran.get(0).result().message());
    }

    @Test
    void aBlockThatHangsTimesOut() throws Exception {
        long start = System.nanoTime();
        List<Ran> ran = run("""
                ```python
                import asyncio
                await asyncio.sleep(60)
                ```
                """, Duration.ofSeconds(2));
        assertEquals(Optional.of(Reason.TIMEOUT), ran.get(0).result().reason());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
    }
}
