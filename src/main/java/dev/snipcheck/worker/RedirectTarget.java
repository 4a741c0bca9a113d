package dev.snipcheck.worker;

import dev.snipcheck.protocol.OpenDatabase;
import dev.snipcheck.protocol.OwnConnection;
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
    /** The class of the block that runs now; null between blocks. */
    private static volatile String block;
    private static volatile boolean running;
    private static final List<Redirection> redirected = new ArrayList<>();
    /** The connections the blocks opened themselves since the database was opened. */
    private static final List<OwnConnection> opened = new ArrayList<>();
    /**
     * The same connections, of every database opened since the page began, held until it ends: pgjdbc closes a
     * connection nothing references when the garbage collector finds it, so a leak an isolated block left in a local
     * variable would pass or fail by when the worker collected garbage before the page's end looked.
     */
    private static final List<Object> held = new ArrayList<>();

    private RedirectTarget() {
    }

    /** The database opened last; a page with {@code redirect: false} leaves its blocks' connections alone. */
    static void opened(OpenDatabase database) {
        current = database.redirect() ? database : null;
        synchronized (opened) {
            opened.clear();
        }
    }

    /** The page's databases are closed: what its blocks left open is let go. */
    static void pageEnded() {
        synchronized (opened) {
            held.clear();
        }
    }

    /** The block of {@code blockClass} starts: the redirections noted from now on are its own. */
    static void blockStarts(String blockClass) {
        block = blockClass;
        running = true;
        drain();
    }

    /** The block returned (or is given up on): what opens a connection now is snipcheck, between blocks. */
    static void blockEnds() {
        running = false;
    }

    /** Whether a block runs now. */
    static boolean blockRunning() {
        return running;
    }

    /**
     * Notes the backend of a connection opened through snipcheck's driver, with the block and the stack of the thread
     * that opened it; one opened between blocks (the bindings' data source) is snipcheck's, and not noted.
     */
    static void connected(Object connection, Optional<Integer> pid) {
        connected(connection, pid, block, Thread.currentThread().getStackTrace());
    }

    /**
     * As {@link #connected(Object, Optional)}, for a connection opened on another thread than the one that asked for
     * it.
     */
    static void connected(Object connection, Optional<Integer> pid, String opener, StackTraceElement[] stack) {
        if (opener != null && pid.isPresent()) {
            OwnConnection own = new OwnConnection(pid.get(), opener, RuntimeFinding.frames(stack));
            synchronized (opened) {
                opened.add(own);
                held.add(connection);
            }
        }
    }

    /** The class of the block that runs now; null before the first. */
    static String block() {
        return block;
    }

    /** The connections the blocks opened themselves on the database opened last. */
    static List<OwnConnection> ownConnections() {
        synchronized (opened) {
            return List.copyOf(opened);
        }
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
