package dev.snipcheck.postgres;

import java.util.Optional;

/**
 * One database on a running PostgreSQL server, with the credentials to reach it; or, on a server where the role may
 * not create databases, one schema of a shared database, which then comes first in every session's search_path.
 */
public record Database(String host, int port, String name, String user, String password, Optional<String> schema) {

    public Database(String host, int port, String name, String user, String password) {
        this(host, port, name, user, password, Optional.empty());
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name + "?user=" + user + "&password=" + password
                + schema.map(s -> "&currentSchema=" + s).orElse("");
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + name
                + schema.map(s -> "?schema=" + s).orElse("");
    }
}
