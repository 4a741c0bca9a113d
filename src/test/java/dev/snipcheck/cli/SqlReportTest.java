package dev.snipcheck.cli;

import dev.snipcheck.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The text report of sql blocks as a reader sees it: errors where PostgreSQL points, output diffs in Markdown lines. */
class SqlReportTest {

    @TempDir
    Path dir;

    @Test
    void sqlErrorsAndOutputMismatchesReadLikeCompilerErrors() throws Exception {
        Files.writeString(dir.resolve("page.md"), """
                # Books

                ```sql
                create table book (id int, title text);
                insert into book values (1, 'Dune');
                ```

                - The titles:

                  ```sql
                  select title from book;
                  ```

                  ```output
                   title
                  -------
                   Emma
                  (1 row)
                  ```

                > ```sql isolated
                > select 1;
                > select title from book;
                > ```
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new String[] {"--postgres-url", TestPostgres.url(), "page.md"},
                new PrintWriter(out, true), new PrintWriter(err, true), dir);

        assertEquals(1, exit, err.toString());
        assertEquals("""
                page.md:17:3: error[output]: returned something else than its output block (line 14)
                      --- page.md:14 (output block)
                      +++ what the block produced
                      @@ -15,4 +1,4 @@
                        title
                       -------
                      - Emma
                      + Dune
                       (1 row)
                 17 |    Emma
                    |   ^
                    = hint: lines with - are the output block's, lines with + what the block produced; a line holding only `...` stands for any number of lines
                    = output:
                       title
                      -------
                       Dune
                      (1 row)

                page.md:23:21: error[exception]: ERROR:  relation "book" does not exist (SQLSTATE 42P01)
                 23 | > select title from book;
                    |                     ^
                    = hint: if the example is meant to fail, mark it `fails`

                1 passed, 2 failed, 0 skipped, 0 not run, 0 not checked
                """, out.toString());
    }
}
