package dev.snipcheck.protocol;

import java.io.Serializable;
import java.util.List;

/**
 * How a sql block ran in the worker: the last statement's result, or the error that stopped it.
 *
 * @param columns  the last statement's columns; empty when it returned no rows and no row description
 * @param rows     the last statement's rows, each value as the server's text, null for SQL NULL; the first
 *                 {@link #ROW_LIMIT} only
 * @param rowCount how many rows the last statement returned
 * @param updated  the row count of the last statement's command tag; null when it has none
 * @param error    the error that stopped the block; null when every statement ran
 * @param millis   how long the statements ran
 * @param leftTransactionOpen whether the block began a transaction (BEGIN) and did not end it; the worker rolled
 *                 it back, so that the pooled connection does not carry it into the next block
 */
public record SqlOutcome(List<Column> columns, List<List<String>> rows, long rowCount, Long updated, SqlError error,
                  long millis, boolean leftTransactionOpen) implements Reply {

    /** Rows kept of a result: a statement returning millions of rows must not fill the worker's heap. */
    public static final int ROW_LIMIT = 10_000;

    /**
     * A result column.
     *
     * @param name the column's name as the server sent it
     * @param type the OID of its type, which decides psql's alignment
     */
    public record Column(String name, int type) implements Serializable {
    }

    /**
     * An error raised by a statement.
     *
     * @param statement 0-based index of the statement that raised it
     * @param severity  e.g. ERROR or FATAL; "ERROR" when the driver gave none
     * @param sqlState  the SQLSTATE code; null when the error did not come from the server
     * @param message   the primary message
     * @param detail    the server's DETAIL; null when none
     * @param hint      the server's HINT; null when none
     * @param position  1-based character position of the error in the statement; 0 when unknown
     */
    public record SqlError(int statement, String severity, String sqlState, String message, String detail, String hint,
                    int position) implements Serializable {
    }
}
