package dev.snipcheck.postgres;

import java.util.function.Consumer;

/** A PostgreSQL server that runs without us: we only add databases to it, and take them away again. */
public final class ExternalServer extends AdminServer {


    private ExternalServer(AdminConnection admin) {
        super(admin);
    }

    /**
     * Connects to the server at {@code url}, a JDBC URL (jdbc:postgresql://host:port/db?user=..&password=..) or
     * a libpq URL (postgresql://user:pass@host:port/db); other URL parameters are ignored. {@code notices} hears in
     * one line when pages get a schema instead of a database, and what goes wrong where no caller could act on it.
     *
     * @throws IllegalArgumentException if {@code url} is neither (see {@link ServerUrl})
     */
    public static ExternalServer connect(String url, Consumer<String> notices) throws DatabaseUnavailableException {
        ServerUrl server = ServerUrl.parse(url);
        String user = server.user();
        String database = server.database();
        AdminConnection admin = AdminConnection.open(server.host(), server.port(), database, user, server.password(),
                notices);
        if (admin.perSchema()) {
            notices.accept("role " + user + " may not create databases on " + admin.address()
                    + ": each page gets a schema of database " + database + " instead (its search_path), and every"
                    + " block connects as " + user + ", so it can reach other pages' schemas and end snipcheck's own"
                    + " session");
        } else if (!admin.rolePerDatabase()) {
            notices.accept("role " + user + " may not create roles on " + admin.address() + ": every block connects as "
                    + user + ", so it can reach other pages' databases and end snipcheck's own session");
        }
        return new ExternalServer(admin);
    }

    @Override
    public String description() {
        return "PostgreSQL " + admin.version() + " at " + admin.address();
    }

    /** Drops the template and every database still left, and leaves the server running. */
    @Override
    public void close() {
        admin.dropAll();
        admin.close();
    }
}
