package dev.snipcheck.protocol;

import java.util.List;

/**
 * Asks the worker to run a sql block's statements, in order, on the page's sql session, or only to prepare them (a
 * {@code no_run} block); answered by a {@link SqlOutcome}.
 *
 * @param bindingsClass the bindings class whose database the pool is on (see {@link OpenDatabase})
 * @param statements    the statements, each without its terminating semicolon
 * @param describe      whether a last statement that is a query without rows is run again to learn its
 *                      columns (only an output block needs them, and the query runs twice)
 * @param prepareOnly   whether the server only parses and plans each statement ({@code PREPARE}), running none
 */
public record RunSql(String bindingsClass, List<String> statements, boolean describe, boolean prepareOnly)
        implements Request {

    @Override
    public Reply answeredBy(Handler handler) {
        return handler.runSql(this);
    }
}
