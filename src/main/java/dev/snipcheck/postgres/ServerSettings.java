package dev.snipcheck.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The server-wide settings as a new session would get them: what the configuration files set, and the values in
 * force, without the settings of the session that reads them. A page that changes them (ALTER SYSTEM, then a reload)
 * would change every later page.
 */
record ServerSettings(Map<String, String> values) {

    /** reset_val, not setting: what this session SET itself (the admin's timeouts) is not the server's. */
    private static final String IN_FORCE = "SELECT name, reset_val FROM pg_settings";
    /** Readable by superusers only: where ALTER SYSTEM writes before a reload, or for the next start. */
    private static final String IN_FILES = "SELECT name, setting FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf'";

    static ServerSettings read(Connection connection) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(IN_FORCE)) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        if (isSuperuser(connection)) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(IN_FILES)) {
                while (rows.next()) {
                    values.put("ALTER SYSTEM " + rows.getString(1), rows.getString(2));
                }
            }
        }
        return new ServerSettings(values);
    }

    private static boolean isSuperuser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return row.next() && row.getBoolean(1);
        }
    }

    /** Each setting that differs in {@code later}, as "name: before -> after". */
    List<String> changesTo(ServerSettings later) {
        List<String> changed = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(values.keySet());
        names.addAll(later.values.keySet());
        for (String name : names) {
            String before = values.get(name);
            String after = later.values.get(name);
            if (!Objects.equals(before, after)) {
                changed.add(name + ": " + shown(before) + " -> " + shown(after));
            }
        }
        return changed;
    }

    private static String shown(String value) {
        return value == null ? "(unset)" : "'" + value + "'";
    }
}
