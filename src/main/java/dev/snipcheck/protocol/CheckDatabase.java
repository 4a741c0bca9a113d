package dev.snipcheck.protocol;

/**
 * Asks the worker, when a page or an isolated block ends, for the connections its blocks left
 * acquired or inside a transaction on one database; answered by {@link Checked}.
 *
 * @param bindingsClass the bindings class the database was opened for
 */
public record CheckDatabase(String bindingsClass) implements Request {

    @Override
    public Reply answeredBy(Handler handler) {
        return handler.check(this);
    }
}
