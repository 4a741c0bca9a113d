package dev.snipcheck.verdict;

import dev.snipcheck.markdown.Block;
import dev.snipcheck.markdown.Position;
import dev.snipcheck.protocol.SqlOutcome;
import dev.snipcheck.result.BlockResult;
import dev.snipcheck.result.Finding;
import dev.snipcheck.result.Reason;
import dev.snipcheck.result.Verdict;
import dev.snipcheck.rules.MisuseMessage;
import dev.snipcheck.sql.CommandTag;
import dev.snipcheck.sql.PsqlTable;
import dev.snipcheck.sql.SqlParameter;
import dev.snipcheck.sql.SqlSplitter;
import dev.snipcheck.sql.SqlStatement;

import java.util.List;
import java.util.Optional;

/** A sql block split into statements, and the verdict on how they ran. */
public final class SqlBlock {

    private final Block block;
    private final List<SqlStatement> statements;

    private SqlBlock(Block block, List<SqlStatement> statements) {
        this.block = block;
        this.statements = statements;
    }

    public static SqlBlock of(Block block) {
        return new SqlBlock(block, SqlSplitter.split(block.code()));
    }

    public List<String> texts() {
        return statements.stream().map(SqlStatement::text).toList();
    }

    /**
     * The verdict on a block that cannot run: one marked {@code compile_fail}, one holding what
     * only psql can run, meta-commands and COPY through the client, or one with parameters ({@code $1})
     * that is not {@code no_run}, as nothing gives them values.
     */
    public Optional<BlockResult> unsupported() {
        if (block.attributes().compileFail()) {
            String message = "`compile_fail` is for java blocks";
            return Optional.of(BlockResult.failed(block, Reason.SYNTAX, message, List.of(Finding.at(block.fence(),
                    message, "a sql block that must raise an error is marked `fails` or `fails=\"text\"`")), "", 0));
        }
        for (SqlStatement statement : statements) {
            List<SqlParameter> parameters = statement.metaCommand() ? List.of() : statement.parameters();
            if (!parameters.isEmpty() && !block.attributes().noRun()) {
                SqlParameter first = parameters.get(0);
                String message = "parameter " + first.text() + " has no value: mark the block `no_run` to check it "
                        + "without running it";
                return Optional.of(BlockResult.failed(block, Reason.SYNTAX, message, List.of(Finding.at(
                        statement.position(block, first), message, "a `no_run` sql block is prepared by the server "
                                + "(parsed and planned, not run), so its parameters need no values")), "", 0));
            }
            if (statement.metaCommand()) {
                String command = statement.text().split("\\s+")[0];
                String message = "psql meta-command `" + command + "` in a sql block";
                return Optional.of(BlockResult.failed(block, Reason.SYNTAX, message, List.of(Finding.at(
                        statement.start(block), message, "snipcheck sends sql blocks to the server, which knows no "
                                + "meta-commands: write the SQL they stand for (e.g. query information_schema or "
                                + "pg_catalog), or mark the block `ignore`")), "", 0));
            }
            if (statement.copiesThroughClient()) {
                String message = "COPY ... FROM STDIN / TO STDOUT needs psql to move the data";
                return Optional.of(BlockResult.failed(block, Reason.SYNTAX, message, List.of(Finding.at(
                        statement.start(block), message, "write the rows as INSERT ... VALUES, or mark the block "
                                + "`ignore`")), "", 0));
            }
        }
        return Optional.empty();
    }

    public BlockResult judge(SqlOutcome outcome) {
        SqlOutcome.SqlError error = outcome.error();
        boolean fails = block.attributes().fails();
        Optional<String> expected = block.attributes().failsWith();
        boolean prepared = block.attributes().noRun();
        if (error == null) {
            if (fails) {
                String message = (prepared ? "was prepared" : "ran") + " without an error, but is marked `fails"
                        + expected.map(e -> "=\"" + e + "\"").orElse("") + "`";
                return BlockResult.failed(block, Reason.EXPECTATION, message, List.of(Finding.at(block.fence(), message,
                        "make the example raise the error, or remove `fails`")), "", outcome.millis());
            }
            if (outcome.leftTransactionOpen()) {
                return openTransaction(outcome);
            }
            return BlockResult.passed(block, List.of(), prepared ? "" : render(outcome), outcome.millis());
        }
        String text = psqlText(error);
        // the first line is the finding's message; DETAIL and HINT lines follow as the block's output
        String details = text.substring(firstLine(text).length()).strip();
        SqlStatement statement = statements.get(Math.min(error.statement(), statements.size() - 1));
        Position where = statement.position(block, error.position());
        if (fails) {
            if (expected.isEmpty() || text.contains(expected.get()) || expected.get().equals(error.sqlState())) {
                return BlockResult.passed(block, List.of(), text, outcome.millis());
            }
            String message = "raised " + firstLine(text) + ", but is marked `fails=\"" + expected.get() + "\"`";
            return BlockResult.failed(block, Reason.EXPECTATION, message, List.of(Finding.at(where, message,
                    "expect the error it raises, or fix the example")), details, outcome.millis());
        }
        // a no_run block that the server cannot prepare ran nothing: like Java that does not compile, it costs no more
        return BlockResult.failed(block, prepared ? Reason.COMPILE : Reason.EXCEPTION, firstLine(text), List.of(
                Finding.at(where, firstLine(text), "if the example is meant to fail, mark it `fails`")), details,
                outcome.millis());
    }

    /**
     * A block that ran but left the transaction it began open: the misuse is charged at its {@code BEGIN} (or its first
     * statement), for the misuse verdict to judge against what the block declares.
     */
    private BlockResult openTransaction(SqlOutcome outcome) {
        SqlStatement begin = statements.stream()
                .filter(s -> s.text().strip().toLowerCase(java.util.Locale.ROOT).matches("(begin|start\\s+transaction)\\b.*"))
                .findFirst()
                .orElse(statements.get(0));
        MisuseMessage open = MisuseMessage.SQL_TRANSACTION_OPEN;
        Finding misuse = Finding.misuse(open.rule(), begin.position(block, 1), open.message(), open.hint());
        return new BlockResult(block, Verdict.PASSED, Optional.empty(), "", List.of(), List.of(misuse), render(outcome),
                outcome.millis());
    }

    private String render(SqlOutcome outcome) {
        return statements.isEmpty() ? "" : render(outcome, statements.get(statements.size() - 1).text());
    }

    /** The last statement's result as psql prints it: its rows as a table, else its command tag. */
    static String render(SqlOutcome outcome, String lastStatement) {
        // a query may return rows without columns (`select;`): psql prints a table for it all the same
        if (outcome.columns().isEmpty() && outcome.rows().isEmpty() && !CommandTag.isQuery(lastStatement)) {
            return CommandTag.of(lastStatement, outcome.updated()) + "\n";
        }
        return PsqlTable.render(outcome.columns().stream().map(SqlOutcome.Column::name).toList(),
                outcome.columns().stream().map(c -> PsqlTable.rightAligned(c.type())).toList(), outcome.rows(),
                outcome.rowCount());
    }

    /** The error as psql words it: {@code ERROR:  message (SQLSTATE 42P01)}, then DETAIL and HINT lines. */
    private static String psqlText(SqlOutcome.SqlError error) {
        StringBuilder text = new StringBuilder(error.severity() == null ? "ERROR" : error.severity())
                .append(":  ").append(error.message());
        if (error.sqlState() != null) {
            text.append(" (SQLSTATE ").append(error.sqlState()).append(')');
        }
        text.append('\n');
        if (error.detail() != null) {
            text.append("DETAIL:  ").append(error.detail()).append('\n');
        }
        if (error.hint() != null) {
            text.append("HINT:  ").append(error.hint()).append('\n');
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
