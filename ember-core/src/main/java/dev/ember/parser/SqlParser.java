package dev.ember.parser;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.expr.Expression;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Spark's SQL dialect into unresolved logical plans, expressions and types.
 *
 * <p>A hand-written recursive-descent parser: the {@link Lexer} makes tokens, and one parser class
 * per concern ({@link StatementParser}, {@link QueryParser}, {@link ExpressionParser},
 * {@link DataTypeParser}) reads them through a shared {@link TokenCursor}. Names, functions and
 * relations carry their position in the text, so that later errors can point at them.
 *
 * <p>Every method throws {@link EmberException} with {@code PARSE_SYNTAX_ERROR} (pointing at the
 * offending token) for malformed text, and {@code UNSUPPORTED_FEATURE} for Spark syntax Ember does
 * not support yet.
 */
public final class SqlParser {
    private SqlParser() {
    }

    /** One or more statements separated by {@code ;}; empty statements are skipped. */
    public static List<LogicalPlan> parseStatements(String sql) {
        TokenCursor cursor = new TokenCursor(requireNonNull(sql, "sql is null"));
        StatementParser parser = new StatementParser(cursor, new QueryParser(cursor));
        List<LogicalPlan> statements = new ArrayList<>();
        while (true) {
            while (cursor.match(TokenType.SEMICOLON)) {
                // empty statement
            }
            if (cursor.atEnd()) {
                return statements;
            }
            statements.add(parser.statement());
            if (!cursor.atStatementEnd()) {
                cursor.expectEnd();
            }
        }
    }

    /** Exactly one statement, optionally followed by {@code ;}. */
    public static LogicalPlan parseStatement(String sql) {
        TokenCursor cursor = new TokenCursor(requireNonNull(sql, "sql is null"));
        LogicalPlan statement = new StatementParser(cursor, new QueryParser(cursor)).statement();
        while (cursor.match(TokenType.SEMICOLON)) {
            // trailing semicolons
        }
        cursor.expectEnd();
        return statement;
    }

    /**
     * One expression, as the DataFrame API takes them ({@code filter("a > 1")},
     * {@code selectExpr("a + 1 AS b")}); a trailing {@code [AS] name} makes an {@code Alias}.
     */
    public static Expression parseExpression(String sql) {
        TokenCursor cursor = new TokenCursor(requireNonNull(sql, "sql is null"));
        Expression expression = new QueryParser(cursor).expressions().namedExpression();
        cursor.expectEnd();
        return expression;
    }

    /** A data type: {@code int}, {@code decimal(10,2)}, {@code array<string>}, {@code struct<a:int,b:string>}. */
    public static DataType parseDataType(String sql) {
        TokenCursor cursor = new TokenCursor(requireNonNull(sql, "sql is null"));
        DataType type = new DataTypeParser(cursor).dataType();
        cursor.expectEnd();
        return type;
    }

    /**
     * A schema as DDL, {@code id INT, name STRING NOT NULL} (Spark's {@code StructType.fromDDL}); a
     * {@code struct<...>} type is accepted too.
     */
    public static StructType parseTableSchema(String ddl) {
        TokenCursor cursor = new TokenCursor(requireNonNull(ddl, "ddl is null"));
        if (cursor.atEnd()) {
            return new StructType(List.of());
        }
        DataTypeParser parser = new DataTypeParser(cursor);
        StructType schema;
        if (cursor.checkWord("struct") && (cursor.peek(1).is(TokenType.LT) || cursor.peek(1).is(TokenType.NOT_EQ))) {
            schema = (StructType) parser.dataType();
        } else {
            schema = parser.columns();
        }
        cursor.expectEnd();
        return schema;
    }

    /** {@code a.b.`c d`} as its parts. */
    public static List<String> parseMultipartIdentifier(String sql) {
        TokenCursor cursor = new TokenCursor(requireNonNull(sql, "sql is null"));
        List<String> parts = cursor.multipartIdentifier();
        cursor.expectEnd();
        return List.copyOf(parts);
    }
}
