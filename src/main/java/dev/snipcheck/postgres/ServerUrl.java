package dev.snipcheck.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where an external server is and how to log in to it, read from its JDBC URL (jdbc:postgresql://host:port/db?user=..&password=..)
 * or its libpq URL (postgresql://user:pass@host:port/db); other URL parameters are ignored.
 */
record ServerUrl(String host, int port, String database, String user, String password) {

    private static final String EXPECTED = "expected jdbc:postgresql://host:port/db?user=..&password=.. or postgresql://user:pass@host:port/db";

    /** @throws IllegalArgumentException if {@code url} is neither a JDBC nor a libpq URL of PostgreSQL */
    static ServerUrl parse(String url) {
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
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().replaceFirst("^.*@", "");
        if (uri.getHost() == null && !authority.isEmpty()) {
            // java.net.URI gives no host for "h:x" rather than failing: without this, such a URL would mean localhost
            throw new IllegalArgumentException("malformed PostgreSQL URL: no host and port in its authority (" + EXPECTED + ")");
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
        return new ServerUrl(host, port, database, user, password);
    }
}
