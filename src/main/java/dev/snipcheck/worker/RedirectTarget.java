package dev.snipcheck.worker;

import dev.snipcheck.protocol.OpenDatabase;

import java.util.Optional;

/**
 * Where a PostgreSQL connection that a block opens itself goes: the database, and the credentials, of the page (or
 * isolated block) that runs now, whatever server, database and user the example wrote. The worker serves one page
 * at a time, and the parent opens a page's database, or an isolated block's, on a worker before running its blocks
 * there: the database opened last is the one whose blocks run.
 */
public final class RedirectTarget {

    private static volatile OpenDatabase current;

    private RedirectTarget() {
    }

    /** The database opened last; a page with {@code redirect: false} leaves its blocks' connections alone. */
    static void opened(OpenDatabase database) {
        current = database.redirect() ? database : null;
    }

    /** The database a block's own connection goes to now; empty before the first page. */
    public static Optional<OpenDatabase> current() {
        return Optional.ofNullable(current);
    }
}
