package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import dev.snipcheck.postgres.RestrictedRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A block that destroys what its page's later blocks run on is the one that fails; the page's later blocks are not
 * blamed with the exception the damage causes them. The conformance page isolation-destroyed.md shows a page's own
 * database dropped; here it is the page's schema, on a server where the role may not create databases.
 */
class DestroyedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aBlockThatDropsItsPagesSchemaFailsAndTheTeardownAfterItNamesIt() throws Exception {
        RestrictedRole role = RestrictedRole.create();
        Files.writeString(dir.resolve("page.md"), """
                ```sql
                create table kept (id int);
                ```

                ```sql
                do $$ begin execute format('drop schema %I cascade', current_schema()); end $$;
                ```

                ```sql
                select count(*) from kept;
                ```

                ```sql always
                drop table kept;
                ```
                """);

        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres-url", role.url(), "--format", "json", "page.md");

        assertEquals(1, run.exit(), run.toString());
        assertEquals(Map.of("page.md:1", "passed", "page.md:5", "failed exception", "page.md:9", "not run",
                "page.md:13", "failed database"), run.verdicts(), run.toString());
        assertTrue(run.message("page.md:5").matches("dropped schema snipcheck_\\w+, which the page's later blocks run on"),
                run.toString());
        assertTrue(run.message("page.md:13").matches("the page's database cannot be used: the block at line 5 dropped"
                + " schema snipcheck_\\w+"), run.toString());
    }

    @Test
    void aBlockThatLeavesItsDatabaseWholePassesAsBefore() throws Exception {
        Files.writeString(dir.resolve("page.md"), """
                ```sql
                create schema scratch;
                create table scratch.t (id int);
                drop schema scratch cascade;
                ```

                ```sql
                select 1 as one;
                ```
                """);

        SnipcheckRun run = SnipcheckRun.of(dir, "--postgres-url", TestPostgres.url(), "--format", "json", "page.md");

        assertEquals(0, run.exit(), run.toString());
        assertEquals(Map.of("page.md:1", "passed", "page.md:7", "passed"), run.verdicts(), run.toString());
    }
}
