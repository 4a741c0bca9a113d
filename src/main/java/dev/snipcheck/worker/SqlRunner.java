package dev.snipcheck.worker;

import dev.snipcheck.protocol.SqlOutcome;
import dev.snipcheck.sql.CommandTag;
import dev.snipcheck.sql.SqlParameter;
import dev.snipcheck.sql.SqlSplitter;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.ValidationDepth;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * Runs the sql blocks of a page in the worker, as psql would: in order on one session of their own, outside the pool,
 * so that a SET, a temporary table or a search_path lasts for the page's later sql blocks and never reaches a
 * connection of {@code pool}; each statement through the simple query protocol, so values arrive as the server's
 * text, exactly what psql prints.
 */
public final class SqlRunner implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** The name a {@code no_run} block's statement is prepared under, for the moment it takes to check it. */
    private static final String PREPARED_NAME = "snipcheck_no_run";
    private static final String PREPARE = "prepare " + PREPARED_NAME + " as ";

    private final ConnectionFactory factory;
    private Connection session;
    /** The session logging in ahead of the first sql block, until that block takes it. */
    private CompletableFuture<Connection> connecting;

    public SqlRunner(ConnectionFactory factory) {
        this.factory = factory;
    }

    /**
     * @param describe whether a last statement that is a query without rows is run again, outside any
     *                 transaction only, to learn its columns
     */
    public SqlOutcome run(List<String> statements, boolean describe) {
        return each(statements, (connection, index) -> execute(connection, statements.get(index),
                describe && index == statements.size() - 1), 0);
    }

    /**
     * Has the server parse and plan each statement without running it ({@code PREPARE}, then {@code DEALLOCATE}), so
     * that a statement with {@code $1} parameters is checked; statements PREPARE does not take (DDL, SET,
     * transaction control) are not sent. Error positions are those in the statement, as for {@link #run}.
     */
    public SqlOutcome prepare(List<String> statements) {
        return each(statements, (connection, index) -> prepare(connection, statements.get(index)), PREPARE.length());
    }

    /**
     * Runs {@code step} for each statement in order on the page's session, then ends a transaction the block left open.
     *
     * @param shift how many characters the step puts before a statement, which the server's error position counts
     */
    private SqlOutcome each(List<String> statements, BiFunction<Connection, Integer, Mono<Collected>> step, int shift) {
        long start = System.nanoTime();
        Collected last = new Collected();
        int[] current = {0};
        boolean[] leftOpen = {false};
        SqlOutcome.SqlError error = null;
        try {
            Connection connection = session();
            Flux.range(0, statements.size())
                    .concatMap(index -> {
                        current[0] = index;
                        return step.apply(connection, index);
                    })
                    .doOnNext(collected -> last.replaceBy(collected))
                    .then(endOpenTransaction(connection, leftOpen))
                    // a statement that failed inside the block's transaction must not leave the session aborted
                    .onErrorResume(failure -> Mono.from(connection.rollbackTransaction())
                            .onErrorResume(e -> Mono.empty())
                            .then(Mono.error(failure)))
                    .block();
        } catch (RuntimeException e) {
            error = error(current[0], e, shift);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new SqlOutcome(List.copyOf(last.columns), List.copyOf(last.rows), last.rowCount, last.updated,
                error, millis, leftOpen[0]);
    }

    /**
     * Has the session log in now, while the page's blocks before its first sql block run: the login is a few round
     * trips of the page's time otherwise (docs/performance.md).
     */
    public void connectAhead() {
        if (session == null && connecting == null) {
            connecting = Mono.<Connection>from(factory.create()).toFuture();
        }
    }

    /**
     * The page's session; a new one when the last is gone (a block ended it, say with pg_terminate_backend), as psql
     * connects again after it lost its connection.
     */
    private Connection session() {
        if (connecting != null) {
            session = ahead();
        }
        // unbounded: the block's own time limit covers them, and a loaded server may take long to answer
        if (session != null && Boolean.TRUE.equals(Mono.from(session.validate(ValidationDepth.REMOTE)).block())) {
            return session;
        }
        close();
        session = Mono.from(factory.create()).block();
        return session;
    }

    /** The session that logged in ahead; null when it could not, so that logging in again reports why. */
    private Connection ahead() {
        CompletableFuture<Connection> ahead = connecting;
        connecting = null;
        try {
            return ahead.join();
        } catch (CompletionException | CancellationException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (connecting != null) {
            // a login still under way when the page's database is dropped would hold the DROP DATABASE
            try {
                session = connecting.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | CancellationException e) {
                session = null;
            } catch (TimeoutException e) {
                connecting.cancel(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connecting = null;
        }
        if (session != null) {
            Connection closing = session;
            session = null;
            Mono.from(closing.close()).onErrorResume(e -> Mono.empty()).block(CLOSE_TIMEOUT);
        }
    }

    /**
     * Rolls back a transaction the block began and did not end, and says so in {@code leftOpen}: inside a transaction
     * block, {@code now()} is when it began, not when the statement did.
     */
    private static Mono<Void> endOpenTransaction(Connection connection, boolean[] leftOpen) {
        return Flux.from(connection.createStatement("select now() <> statement_timestamp()").execute())
                .concatMap(result -> result.map((row, meta) -> row.get(0, Boolean.class)))
                .next()
                .filter(Boolean::booleanValue)
                .flatMap(open -> {
                    leftOpen[0] = true;
                    return collect(connection, "rollback").then();
                });
    }

    /**
     * One statement's result. R2DBC describes columns only with rows, so a query without rows runs
     * again, joined to one row, for the header psql would show; inside a transaction, behind a
     * savepoint, so that a second run that fails does not abort the block's transaction.
     */
    private static Mono<Collected> execute(Connection connection, String statement, boolean describe) {
        return collect(connection, statement).flatMap(collected -> {
            if (!describe || !collected.columns.isEmpty() || !collected.rows.isEmpty()
                    || !CommandTag.isQuery(statement)) {
                return Mono.just(collected);
            }
            String described = "select snipcheck_described.* from (values (1)) snipcheck_one (n) left join lateral ("
                    + statement + "\n) snipcheck_described on true";
            Mono<Collected> again = collect(connection, described).map(d -> collected.withColumns(d.columns));
            if (connection.isAutoCommit()) {
                return again.onErrorReturn(collected);
            }
            return collect(connection, "savepoint snipcheck_describe")
                    .then(again)
                    .flatMap(done -> collect(connection, "release savepoint snipcheck_describe").thenReturn(done))
                    .onErrorResume(e -> collect(connection, "rollback to savepoint snipcheck_describe")
                            .then(collect(connection, "release savepoint snipcheck_describe"))
                            .thenReturn(collected));
        });
    }

    private static Mono<Collected> collect(Connection connection, String statement) {
        return collect(connection.createStatement(statement));
    }

    private static Mono<Collected> collect(Statement statement) {
        Collected collected = new Collected();
        return Flux.from(statement.execute())
                .concatMap(result -> Flux.from(result.flatMap(segment -> collected.add(segment))))
                .then(Mono.fromSupplier(() -> collected));
    }

    /**
     * PREPAREs one statement and deallocates it again. R2DBC sends a statement with {@code $n} in it only with a value
     * for each: it gets a typed null, which the PREPARE command takes and never uses, as its own parameters are the
     * statement's.
     */
    private static Mono<Collected> prepare(Connection connection, String statement) {
        if (!CommandTag.isPreparable(statement)) {
            return Mono.just(new Collected());
        }
        Statement prepare = connection.createStatement(PREPARE + statement);
        int parameters = SqlSplitter.parameters(statement).stream().mapToInt(SqlParameter::number).max().orElse(0);
        for (int i = 0; i < parameters && parameters <= SqlParameter.MAX; i++) {
            prepare.bindNull(i, String.class);
        }
        return collect(prepare).then(collect(connection, "deallocate " + PREPARED_NAME));
    }

    private static SqlOutcome.SqlError error(int statement, Throwable thrown, int shift) {
        Throwable cause = thrown;
        while (!(cause instanceof PostgresqlException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof PostgresqlException postgres) {
            ErrorDetails details = postgres.getErrorDetails();
            int position = Math.max(0, details.getPosition().map(SqlRunner::parse).orElse(0) - shift);
            return new SqlOutcome.SqlError(statement, details.getSeverityNonLocalized(), details.getCode(),
                    details.getMessage(), details.getDetail().orElse(null), details.getHint().orElse(null), position);
        }
        return new SqlOutcome.SqlError(statement, "ERROR", null, String.valueOf(thrown), null, null, 0);
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The columns, rows and row count of one statement's results, in the order the server sent them. */
    private static final class Collected {

        private List<SqlOutcome.Column> columns = new ArrayList<>();
        private List<List<String>> rows = new ArrayList<>();
        private long rowCount;
        private Long updated;

        Mono<Void> add(Result.Segment segment) {
            if (segment instanceof Result.RowSegment row) {
                addRow(row.row());
            } else if (segment instanceof Result.UpdateCount count) {
                updated = count.value();
            } else if (segment instanceof Result.Message message && isError(message)) {
                return Mono.error(message.exception());
            }
            // notices (e.g. "table does not exist, skipping") go to psql's stderr, not into its result
            return Mono.empty();
        }

        private void addRow(Row row) {
            List<? extends ColumnMetadata> metadata = row.getMetadata().getColumnMetadatas();
            if (columns.isEmpty()) {
                for (ColumnMetadata column : metadata) {
                    Object type = column.getNativeTypeMetadata();
                    columns.add(new SqlOutcome.Column(column.getName(), type instanceof Integer oid ? oid : 0));
                }
            }
            rowCount++;
            if (rows.size() == SqlOutcome.ROW_LIMIT) {
                return;
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < metadata.size(); i++) {
                ServerText text = row.get(i, ServerText.class);
                values.add(text == null ? null : text.text());
            }
            rows.add(values);
        }

        private static boolean isError(Result.Message message) {
            if (message.exception() instanceof PostgresqlException postgres) {
                String severity = postgres.getErrorDetails().getSeverityNonLocalized();
                return severity == null || !(severity.equals("NOTICE") || severity.equals("WARNING")
                        || severity.equals("INFO") || severity.equals("LOG") || severity.startsWith("DEBUG"));
            }
            return true;
        }

        Collected withColumns(List<SqlOutcome.Column> described) {
            columns = new ArrayList<>(described);
            return this;
        }

        void replaceBy(Collected other) {
            columns = other.columns;
            rows = other.rows;
            rowCount = other.rowCount;
            updated = other.updated;
        }
    }
}
