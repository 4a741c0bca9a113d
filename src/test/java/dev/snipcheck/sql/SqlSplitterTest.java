package dev.snipcheck.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlSplitterTest {

    @Test
    void splitsAtSemicolonsAndKeepsEachStatementsOffset() {
        String code = "select 1;\n  select 2 ;select 3";

        assertEquals(List.of(new SqlStatement("select 1", 0, false), new SqlStatement("select 2", 12, false),
                new SqlStatement("select 3", 22, false)), SqlSplitter.split(code));
    }

    @Test
    void semicolonsInLiteralsIdentifiersAndDollarQuotesDoNotSplit() {
        String code = """
                select 'a;b', 'it''s;', E'\\';', "odd;""name" from t;
                create function f() returns text as $$ select ';' $$ language sql;
                do $body$ begin raise notice '$$;'; end $body$;
                select $1;
                """;

        List<String> texts = SqlSplitter.split(code).stream().map(SqlStatement::text).toList();

        assertEquals(List.of("select 'a;b', 'it''s;', E'\\';', \"odd;\"\"name\" from t",
                "create function f() returns text as $$ select ';' $$ language sql",
                "do $body$ begin raise notice '$$;'; end $body$",
                "select $1"), texts);
    }

    @Test
    void commentsBeforeAStatementAreSkippedAndCommentsInsideItAreKept() {
        String code = """
                -- leading; comment
                /* block /* nested; */ still; */ select 1 -- trailing;
                ;
                select (1;2)
                """;

        List<SqlStatement> statements = SqlSplitter.split(code);

        assertEquals(List.of("select 1 -- trailing;", "select (1;2)"),
                statements.stream().map(SqlStatement::text).toList());
        assertEquals(code.indexOf("select 1"), statements.get(0).offset());
    }

    @Test
    void aBackslashStartsAMetaCommandThatEndsTheStatement() {
        String code = "select 1\n\\dt public.*\nselect 2;";

        assertEquals(List.of(new SqlStatement("select 1", 0, false), new SqlStatement("\\dt public.*", 9, true),
                new SqlStatement("select 2", 22, false)), SqlSplitter.split(code));
    }

    @Test
    void emptyBlocksAndLoneSemicolonsHaveNoStatements() {
        assertEquals(List.of(), SqlSplitter.split(" ;\n; -- nothing\n"));
    }

    @Test
    void topLevelWordsSkipLiteralsParenthesesAndEscapeStringPrefixes() {
        assertEquals(List.of("with", "x", "as", "insert", "into", "t", "select", "from", "x"),
                SqlSplitter.topLevelWords("with x as (select 1) insert into t select E'from' from x"));
    }

    @Test
    void copyThroughTheClientIsRecognized() {
        assertEquals(List.of(true, true, false), List.of(
                new SqlStatement("COPY item (id) FROM STDIN", 0, false).copiesThroughClient(),
                new SqlStatement("copy item to stdout with (format csv)", 0, false).copiesThroughClient(),
                new SqlStatement("copy item from '/tmp/items.csv'", 0, false).copiesThroughClient()));
    }

    @Test
    void parametersAreFoundOutsideLiteralsCommentsBodiesAndIdentifiers() {
        String statement = "select a$1, '$2', \"$3\", $$ $4 $$, $body$ $5 $body$ /* $6 */ from t -- $7\n"
                + "where id = $1 and (n > $12)";

        assertEquals(List.of(new SqlParameter("$1", statement.indexOf("$1 and")),
                new SqlParameter("$12", statement.indexOf("$12"))), SqlSplitter.parameters(statement));
        assertEquals(12, SqlSplitter.parameters(statement).get(1).number());
    }

    @Test
    void aParameterNumberPostgresqlCannotTakeIsOnePastItsLimit() {
        assertEquals(SqlParameter.MAX + 1, SqlSplitter.parameters("select $12345678901").get(0).number());
    }
}
