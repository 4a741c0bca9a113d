package dev.snipcheck.protocol;

import java.util.List;

/**
 * Asks the worker to run a sql block's statements, in order, on one connection of a pool it opened;
 * answered by a {@link SqlOutcome}.
 *
 * @param bindingsClass the bindings class whose database the pool is on (see {@link OpenDatabase})
 * @param statements    the statements, each without its terminating semicolon
 * @param describe      whether a last statement that is a query without rows is run again to learn its
 *                      columns (only an output block needs them, and the query runs twice)
 */
public record RunSql(String bindingsClass, List<String> statements, boolean describe) implements Request {

    @Override
    public Reply answeredBy(Handler handler) {
        return handler.runSql(this);
    }
}
