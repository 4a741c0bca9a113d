package dev.snipcheck.bench;

import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.EmbeddedServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What a page's fresh database costs on the embedded server: creating it from the template, and dropping it when the
 * page ends, each timed over many pages after a few to warm up; then the server's CPU for the least a page that runs
 * anything needs: its database created, one login as its role with one query, and the drop.
 */
final class PageDatabaseCost {

    private static final int WARM_UP = 5;

    private PageDatabaseCost() {
    }

    /** Median milliseconds to create and to drop one page's database, and the server's CPU a page, over {@code pages} pages. */
    static String measure(int pages) throws Exception {
        double[] create = new double[pages];
        double[] drop = new double[pages];
        try (EmbeddedServer server = EmbeddedServer.start(System.err::println)) {
            for (int page = -WARM_UP; page < pages; page++) {
                long start = System.nanoTime();
                Database database = server.createDatabase();
                long created = System.nanoTime();
                server.dropDatabase(database);
                long dropped = System.nanoTime();
                if (page >= 0) {
                    create[page] = (created - start) / 1e6;
                    drop[page] = (dropped - created) / 1e6;
                }
            }
            double serverCpu;
            try (ProcessCpu cpu = ProcessCpu.start()) {
                for (int page = 0; page < pages; page++) {
                    Database database = server.createDatabase();
                    logInAndQuery(database);
                    server.dropDatabase(database);
                }
                serverCpu = cpu.split().postgres();
            }
            return String.format(java.util.Locale.ROOT, "median %.1f ms to create, %.1f ms to drop (%d pages); "
                    + "PostgreSQL's CPU for a page's database created, logged in to once with one query, and dropped: "
                    + "%.1f ms a page", median(create), median(drop), pages, serverCpu * 1000 / pages);
        }
    }

    /** The least a page that runs anything does with its database: log in as its role, and ask one thing. */
    static void logInAndQuery(Database database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT count(*) FROM pg_class");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
