package dev.snipcheck.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tags psql prints; the common ones are also compared with real psql output in PsqlRenderingTest. */
class CommandTagTest {

    @Test
    void tagsNameTheCommandAndItsObjectKind() {
        assertEquals("CREATE TABLE", CommandTag.of("create temp table t (id int)", null));
        assertEquals("CREATE INDEX", CommandTag.of("CREATE UNIQUE INDEX CONCURRENTLY i ON t (id)", null));
        assertEquals("DROP MATERIALIZED VIEW", CommandTag.of("drop materialized view if exists v", null));
        assertEquals("ALTER ROLE", CommandTag.of("alter user bob with password 'x'", null));
        assertEquals("START TRANSACTION", CommandTag.of("start transaction", null));
        assertEquals("COMMIT", CommandTag.of("end", null));
        assertEquals("TRUNCATE TABLE", CommandTag.of("truncate t", null));
    }

    @Test
    void countedTagsCarryTheRowCount() {
        assertEquals("INSERT 0 3", CommandTag.of("insert into t values (1), (2), (3)", 3L));
        assertEquals("DELETE 2", CommandTag.of("with gone as (select 1) delete from t", 2L));
        assertEquals("SELECT 5", CommandTag.of("create table copy as select * from t", 5L));
        assertEquals("MERGE ?", CommandTag.of("merge into t using s on t.id = s.id when matched then delete", null));
    }

    @Test
    void queriesAreTheStatementsThatReturnRows() {
        assertTrue(CommandTag.isQuery("with x as (insert into t values (1) returning id) select * from x"));
        assertTrue(CommandTag.isQuery("values (1)"));
        assertFalse(CommandTag.isQuery("select 1 into t2"));
        assertFalse(CommandTag.isQuery("insert into t select * from s"));
    }

    @Test
    void prepareTakesQueriesAndDataChangesAndATypoButNoUtilityCommand() {
        for (String statement : List.of("select $1", "  insert into t values ($1)", "update t set a = 1",
                "delete from t", "values (1)", "table t", "with x as (select 1) select * from x",
                "merge into t using s on t.id = s.id when matched then delete", "(select 1) union (select 2)",
                "selct * from t")) {
            assertTrue(CommandTag.isPreparable(statement), statement);
        }
        for (String statement : List.of("create table t (id int)", "drop table t", "set search_path = x", "begin",
                "commit", "explain select 1", "show work_mem", "do $$ begin end $$", "copy t from '/tmp/x'",
                "vacuum", "Alter table t add column b int")) {
            assertFalse(CommandTag.isPreparable(statement), statement);
        }
    }
}
