package dev.snipcheck.sql;

import org.junit.jupiter.api.Test;

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
}
