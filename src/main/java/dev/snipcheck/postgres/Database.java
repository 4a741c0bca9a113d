package dev.snipcheck.postgres;

/**
 * One database on a running PostgreSQL server, with the credentials to reach it.
 */
public record Database(String host, int port, String name, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name + "?user=" + user + "&password=" + password;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + name;
    }
}
