package dev.snipcheck.worker;

import dev.snipcheck.protocol.OpenDatabase;
import dev.snipcheck.protocol.Redirection;
import dev.snipcheck.protocol.RuntimeFinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a PostgreSQL connection that a block opens itself goes: the database, and the credentials, of the page (or
 * isolated block) that runs now, whatever server, database and user the example wrote. The worker serves one page
 * at a time, and the parent opens a page's database, or an isolated block's, on a worker before running its blocks
 * there: the database opened last is the one whose blocks run. It keeps the redirections made while a block runs,
 * for the parent to list.
 */
public final class RedirectTarget {

    private static volatile OpenDatabase current;
    private static final List<Redirection> redirected = new ArrayList<>();

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

    /**
     * Notes a connection to {@code host:port/database} as {@code user}, named {@code target}, that now goes to
     * {@code page}, at the stack of the calling thread; one that named the page's own database, as the bindings'
     * data source does, went nowhere else and is not noted.
     */
    static void redirecting(OpenDatabase page, String target, String host, Object port, String database, String user) {
        boolean elsewhere = !page.host().equals(host) || !String.valueOf(page.port()).equals(String.valueOf(port))
                || !page.database().equals(database) || !Objects.equals(page.user(), user);
        if (elsewhere) {
            Redirection redirection = new Redirection(target,
                    RuntimeFinding.frames(Thread.currentThread().getStackTrace()));
            synchronized (redirected) {
                redirected.add(redirection);
            }
        }
    }

    /** The redirections made since the last call: those of the block that just ran. */
    static List<Redirection> drain() {
        synchronized (redirected) {
            List<Redirection> drained = List.copyOf(redirected);
            redirected.clear();
            return drained;
        }
    }
}
