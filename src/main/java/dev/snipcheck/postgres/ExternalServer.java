package dev.snipcheck.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A PostgreSQL server that runs without us: we only add databases to it, and take them away again. */
public final class ExternalServer extends AdminServer {

    private static final String EXPECTED = "expected jdbc:postgresql://host:port/db?user=..&password=.. or postgresql://user:pass@host:port/db";

    private ExternalServer(AdminConnection admin) {
        super(admin);
    }

    /**
     * Connects to the server at {@code url}, a JDBC URL (jdbc:postgresql://host:port/db?user=..&password=..) or
     * a libpq URL (postgresql://user:pass@host:port/db); other URL parameters are ignored. {@code notices} hears in
     * one line when pages get a schema instead of a database, and what goes wrong where no caller could act on it.
     *
     * @throws IllegalArgumentException if {@code url} is neither
     */
    public static ExternalServer connect(String url, Consumer<String> notices) throws DatabaseUnavailableException {
        String uriText;
        if (url.startsWith("jdbc:postgresql://")) {
            uriText = url.substring("jdbc:".length());
        } else if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            uriText = url;
        } else {
            // the URL itself stays out of the message: it may hold a password
            throw new IllegalArgumentException("not a PostgreSQL URL (" + EXPECTED + ")");
        }
        URI uri;
        try {
            uri = new URI(uriText);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed PostgreSQL URL: " + e.getReason() + " at index " + e.getIndex() + " (" + EXPECTED + ")", e);
        }
        String host = uri.getHost() != null ? uri.getHost() : "localhost";
        int port = uri.getPort() != -1 ? uri.getPort() : 5432;
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? "postgres" : path;
        // libpq and pgjdbc both fall back to the operating system's user name
        String user = System.getProperty("user.name");
        String password = "";
        if (uri.getUserInfo() != null) {
            String[] userInfo = uri.getUserInfo().split(":", 2);
            user = userInfo[0];
            password = userInfo.length == 2 ? userInfo[1] : "";
        }
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String[] pair = parameter.split("=", 2);
                String value = pair.length == 2 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
                if (pair[0].equals("user")) {
                    user = value;
                } else if (pair[0].equals("password")) {
                    password = value;
                }
            }
        }
        AdminConnection admin = AdminConnection.open(host, port, database, user, password, notices);
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
