package dev.snipcheck.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Watches the server-wide settings over a run: when a page's database is dropped, says whether the server's settings
 * (ALTER SYSTEM, which only a superuser page can run) changed since the last page ended. With several pages at once,
 * the change happened while the named one ran, perhaps in another.
 */
final class SettingsWatch {

    private final Connection connection;
    private final String address;
    private final Consumer<String> notices;
    /**
     * For each database, the page it was made for: a page thread names the page of a database made ahead while the
     * admin's connection is busy making or dropping others, and need not wait for it.
     */
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private ServerSettings settings;

    private SettingsWatch(Connection connection, String address, Consumer<String> notices, ServerSettings settings) {
        this.connection = connection;
        this.address = address;
        this.notices = notices;
        this.settings = settings;
    }

    /** Reads the settings the run starts with, on the admin's connection. */
    static SettingsWatch start(Connection connection, String address, Consumer<String> notices)
            throws DatabaseUnavailableException {
        return new SettingsWatch(connection, address, notices, read(connection, address));
    }

    void created(String database, String page) {
        pages.put(database, page);
    }

    /** Compares the settings with those the last page ended with, naming the page of {@code database} if they changed. */
    void pageEnded(String database) {
        String page = pages.remove(database);
        try {
            ServerSettings now = read(connection, address);
            List<String> changed = settings.changesTo(now);
            if (!changed.isEmpty()) {
                notices.accept("the server's settings changed while " + page + " ran: " + String.join(", ", changed)
                        + "; later pages run with them (undo with ALTER SYSTEM RESET and SELECT pg_reload_conf())");
                settings = now;
            }
        } catch (DatabaseUnavailableException e) {
            notices.accept(e.getMessage());
        }
    }

    private static ServerSettings read(Connection connection, String address) throws DatabaseUnavailableException {
        try {
            return ServerSettings.read(connection);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("could not read the server's settings on " + address + ": "
                    + ServerErrors.reason(e), e);
        }
    }
}
