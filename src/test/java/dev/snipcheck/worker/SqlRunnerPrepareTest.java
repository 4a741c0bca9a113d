package dev.snipcheck.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.ExternalServer;
import dev.snipcheck.protocol.SqlOutcome;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** A {@code no_run} sql block's statements, prepared on the page's sql session by a real server and never run. */
class SqlRunnerPrepareTest {

    private static ExternalServer server;
    private static Database database;
    private SqlRunner runner;

    @BeforeAll
    static void createDatabase() throws Exception {
        server = ExternalServer.connect(TestPostgres.url(), System.err::println);
        database = server.createDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.dropDatabase(database);
            server.close();
        }
    }

    @BeforeEach
    void openSession() {
        runner = new SqlRunner(new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(database.host()).port(database.port()).database(database.name())
                .username(database.user()).password(database.password())
                .codecRegistrar(ServerText.REGISTRAR)
                .build()));
        assertNull(runner.run(List.of("create table if not exists account (id int primary key, owner text)"),
                false).error());
    }

    @AfterEach
    void closeSession() {
        runner.close();
    }

    @Test
    void statementsWithParametersArePreparedAndNothingRuns() {
        SqlOutcome prepared = runner.prepare(List.of(
                "insert into account values ($1, $2)",
                "select owner from account where id = $1",
                "update account set owner = $2 where id = $1"));

        assertNull(prepared.error(), () -> "the statements did not prepare: " + prepared.error());
        assertEquals(List.of(List.of("0")), rows("select count(*) from account"));
        // the driver keeps its own protocol-level statements (S_n) in its cache: only snipcheck's must be gone
        assertEquals(List.of(List.of("0")),
                rows("select count(*) from pg_prepared_statements where name = 'snipcheck_no_run'"),
                "each statement is deallocated again");
    }

    @Test
    void anUnknownTableFailsAtItsPositionInTheStatement() {
        SqlOutcome prepared = runner.prepare(List.of("select 1", "select * from acount where id = $1"));

        assertNotNull(prepared.error());
        assertEquals(1, prepared.error().statement());
        assertEquals("42P01", prepared.error().sqlState());
        assertEquals("relation \"acount\" does not exist", prepared.error().message());
        assertEquals(15, prepared.error().position(), "the position counts from the statement, not the PREPARE");
    }

    @Test
    void aTypoIsASyntaxErrorAtTheWord() {
        SqlOutcome prepared = runner.prepare(List.of("selct owner from account where id = $1"));

        assertEquals("42601", prepared.error().sqlState());
        assertEquals("syntax error at or near \"selct\"", prepared.error().message());
        assertEquals(1, prepared.error().position());
    }

    @Test
    void statementsPrepareDoesNotTakeAreNotRun() {
        SqlOutcome prepared = runner.prepare(List.of("create table made_by_no_run (id int)",
                "insert into account values (1, 'ada')", "set search_path = nowhere"));

        assertNull(prepared.error(), () -> "failed: " + prepared.error());
        assertEquals(List.of(List.of("0")), rows("select count(*) from pg_tables where tablename = 'made_by_no_run'"));
        assertEquals(List.of(List.of("\"$user\", public")), rows("show search_path"));
    }

    @Test
    void theStatementsSeeTheSessionAsEarlierBlocksLeftIt() {
        assertNull(runner.run(List.of("create temporary table scratch (n int)"), false).error());

        assertNull(runner.prepare(List.of("select n from scratch where n > $1")).error());
    }

    private List<List<String>> rows(String query) {
        SqlOutcome outcome = runner.run(List.of(query), false);
        assertNull(outcome.error(), () -> query + " failed: " + outcome.error());
        return outcome.rows();
    }
}
