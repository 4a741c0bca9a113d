package dev.snipcheck.protocol;

/**
 * Asks the worker to open a connection pool and a data source on a database and to store them,
 * with the URLs, in the binding fields of {@code bindingsClass}; answered by an {@link Ack}.
 *
 * @param bindingsClass qualified name of the snippet class with the public static fields
 *                      {@code pool}, {@code connectionFactory}, {@code dataSource}, {@code jdbcUrl}, {@code r2dbcUrl}
 * @param host          database host
 * @param port          database port
 * @param database      database name
 * @param user          user name
 * @param password      password
 * @param jdbcUrl       stored in the {@code jdbcUrl} field, not used to connect
 * @param r2dbcUrl      stored in the {@code r2dbcUrl} field, not used to connect
 * @param schema        the page's schema, first in the search_path of every connection, when the page has a
 *                      schema rather than a database of its own; else null (Optional is not serializable)
 * @param redirect      whether the PostgreSQL connections the blocks open themselves go to this database while
 *                      they run
 * @param sqlBlocks     whether sql blocks will run on it: their session then logs in while the blocks before them
 *                      run, not when the first one is sent
 */
public record OpenDatabase(String bindingsClass, String host, int port, String database, String user, String password,
                    String jdbcUrl, String r2dbcUrl, String schema, boolean redirect, boolean sqlBlocks)
        implements Request {

    /** A database of the page's own, with no schema set, where the blocks' own connections go. */
    public OpenDatabase(String bindingsClass, String host, int port, String database, String user, String password,
                 String jdbcUrl, String r2dbcUrl) {
        this(bindingsClass, host, port, database, user, password, jdbcUrl, r2dbcUrl, null, true, false);
    }

    @Override
    public Reply answeredBy(Handler handler) {
        return handler.open(this);
    }
}
