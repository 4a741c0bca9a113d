package dev.snipcheck.bench;

import dev.snipcheck.postgres.Database;
import dev.snipcheck.postgres.DatabaseUnavailableException;
import dev.snipcheck.postgres.EmbeddedServer;

import java.util.Arrays;

/**
 * What a page's fresh database costs on the embedded server: creating it from the template, and dropping it when the
 * page ends, each timed over many pages after a few to warm up.
 */
final class PageDatabaseCost {

    private static final int WARM_UP = 5;

    private PageDatabaseCost() {
    }

    /** Median milliseconds to create and to drop one page's database, over {@code pages} pages. */
    static String measure(int pages) throws DatabaseUnavailableException {
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
        }
        return String.format(java.util.Locale.ROOT, "median %.1f ms to create, %.1f ms to drop (%d pages)",
                median(create), median(drop), pages);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
