package dev.ember.parser;

import dev.ember.expr.Expression;
import dev.ember.plan.command.CreateTable;
import dev.ember.plan.command.CreateView;
import dev.ember.plan.command.CreateViewUsing;
import dev.ember.plan.command.Describe;
import dev.ember.plan.command.DropTable;
import dev.ember.plan.command.DropView;
import dev.ember.plan.command.Explain;
import dev.ember.plan.command.InsertIntoTable;
import dev.ember.plan.command.InsertOverwriteDirectory;
import dev.ember.plan.command.SetConfig;
import dev.ember.plan.command.ShowTables;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.UnresolvedRelation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One statement: a query, or a command (CREATE/DROP VIEW, CREATE/DROP TABLE, INSERT, SHOW TABLES,
 * DESCRIBE, EXPLAIN, SET).
 */
final class StatementParser {
    /** Statements Spark has and Ember does not yet: named in an UNSUPPORTED_FEATURE error rather than a syntax error. */
    private static final Set<String> NOT_YET = Set.of("UPDATE", "DELETE", "MERGE", "ALTER", "USE", "CACHE",
            "UNCACHE", "REFRESH", "RESET", "ANALYZE", "TRUNCATE", "ADD", "LIST", "CLEAR", "MSCK", "LOAD", "REPAIR",
            "DECLARE", "EXECUTE", "CALL", "COMMENT", "GRANT", "REVOKE");

    private final TokenCursor cursor;
    private final QueryParser queries;

    StatementParser(TokenCursor cursor, QueryParser queries) {
        this.cursor = cursor;
        this.queries = queries;
    }

    LogicalPlan statement() {
        Token token = cursor.peek();
        if (Keywords.startsQuery(token) || token.is(TokenType.LEFT_PAREN) || token.isWord("FROM")) {
            return queries.query();
        }
        String word = token.is(TokenType.WORD) ? token.text().toUpperCase(Locale.ROOT) : "";
        switch (word) {
            case "CREATE":
                return create();
            case "DROP":
                return drop();
            case "INSERT":
                return insert();
            case "SHOW":
                return show();
            case "DESCRIBE", "DESC":
                return describe();
            case "EXPLAIN":
                return explain();
            case "SET":
                return set();
            default:
                if (NOT_YET.contains(word)) {
                    throw cursor.unsupported(token, word + " statements");
                }
                throw cursor.syntaxError(token, "");
        }
    }

    /**
     * {@code CREATE [OR REPLACE] TEMPORARY VIEW name [(col type, ...)] USING format [OPTIONS (...)]}
     * or {@code CREATE [OR REPLACE] TEMPORARY VIEW name AS query}.
     */
    private LogicalPlan create() {
        Token create = cursor.next();
        boolean replace = false;
        if (cursor.matchWord("OR")) {
            cursor.expectWord("REPLACE");
            replace = true;
        }
        Token global = cursor.checkWord("GLOBAL") ? cursor.next() : null;
        boolean temporary = cursor.matchAnyWord("TEMPORARY", "TEMP") != null;
        if (cursor.checkWord("TABLE") && !temporary && global == null) {
            LogicalPlan table = createTable();
            if (replace) {
                // As in Spark, whose session catalog cannot replace a file-source (v1) table.
                CreateTable definition = (CreateTable) table;
                throw cursor.unsupported(create, "Table `spark_catalog`.`default`.`" + definition.name()
                        + "` does not support REPLACE TABLE" + (definition.query() != null ? " AS SELECT" : ""));
            }
            return table;
        }
        if (!cursor.checkWord("VIEW")) {
            if (cursor.peek().is(TokenType.WORD) && !temporary && global == null) {
                throw cursor.unsupported(create, "CREATE " + cursor.peek().text().toUpperCase(Locale.ROOT));
            }
            throw cursor.syntaxError(cursor.peek(), ": missing 'VIEW'");
        }
        cursor.next();
        if (!temporary) {
            throw cursor.unsupported(create, "persistent views; use CREATE TEMPORARY VIEW");
        }
        if (global != null) {
            throw cursor.unsupported(global, "global temporary views");
        }
        if (cursor.checkWord("IF")) {
            throw cursor.syntaxError(cursor.peek(), ": a TEMPORARY view cannot be created with IF NOT EXISTS");
        }
        String name = cursor.identifier();
        if (cursor.check(TokenType.DOT)) {
            throw cursor.syntaxError(cursor.peek(), ": a temporary view name cannot be qualified");
        }
        String schemaDdl = null;
        if (cursor.check(TokenType.LEFT_PAREN)) {
            if (!columnListThenUsing()) {
                throw cursor.unsupported(cursor.peek(), "column names in CREATE VIEW ... AS");
            }
            cursor.next();
            Token first = cursor.peek();
            queries.types().columns();
            schemaDdl = cursor.rawText(first, cursor.previous());
            cursor.expect(TokenType.RIGHT_PAREN);
        }
        if (cursor.matchWord("USING")) {
            String format = String.join(".", cursor.multipartIdentifier());
            Map<String, String> options = cursor.matchWord("OPTIONS") ? options() : Map.of();
            return new CreateViewUsing(name, format, options, schemaDdl, replace);
        }
        cursor.expectWord("AS");
        return new CreateView(name, queries.query(), replace);
    }

    /**
     * {@code CREATE TABLE [IF NOT EXISTS] name [(col type, ...)]} then, in any order, {@code USING
     * format}, {@code OPTIONS (...)}, {@code PARTITIONED BY (col, ...)}, {@code LOCATION 'path'},
     * {@code COMMENT '...'}, {@code TBLPROPERTIES (...)}; then {@code [AS] query} or nothing.
     */
    private LogicalPlan createTable() {
        cursor.expectWord("TABLE");
        boolean ifNotExists = false;
        if (cursor.matchWord("IF")) {
            cursor.expectWord("NOT");
            cursor.expectWord("EXISTS");
            ifNotExists = true;
        }
        String name = tableName();
        String schemaDdl = null;
        if (cursor.check(TokenType.LEFT_PAREN)) {
            cursor.next();
            Token first = cursor.peek();
            queries.types().columns();
            schemaDdl = cursor.rawText(first, cursor.previous());
            cursor.expect(TokenType.RIGHT_PAREN);
        }
        String format = null;
        Map<String, String> options = Map.of();
        List<String> partitionColumns = List.of();
        String location = null;
        LogicalPlan query = null;
        while (!cursor.atStatementEnd()) {
            if (cursor.matchWord("USING")) {
                format = String.join(".", cursor.multipartIdentifier());
            } else if (cursor.matchWord("OPTIONS")) {
                options = options();
            } else if (cursor.matchWord("PARTITIONED")) {
                cursor.expectWord("BY");
                partitionColumns = identifierList();
            } else if (cursor.matchWord("LOCATION")) {
                location = string();
            } else if (cursor.matchWord("COMMENT")) {
                string();
            } else if (cursor.matchWord("TBLPROPERTIES")) {
                options();
            } else if (cursor.checkWord("AS") || Keywords.startsQuery(cursor.peek()) || cursor.check(TokenType.LEFT_PAREN)) {
                Token as = cursor.peek();
                cursor.matchWord("AS");
                if (schemaDdl != null) {
                    throw cursor.syntaxError(as, ": Operation not allowed: Schema may not be specified in a Create Table As Select (CTAS) statement");
                }
                query = queries.query();
                break;
            } else {
                throw cursor.syntaxError(cursor.peek(), "");
            }
        }
        return new CreateTable(name, ifNotExists, schemaDdl, format, options, partitionColumns, location, query);
    }

    /**
     * {@code INSERT INTO [TABLE] name query}, {@code INSERT OVERWRITE [TABLE] name query},
     * {@code INSERT OVERWRITE [LOCAL] DIRECTORY ['path'] USING format [OPTIONS (...)] query}.
     */
    private LogicalPlan insert() {
        cursor.next();
        boolean overwrite;
        if (cursor.matchWord("OVERWRITE")) {
            overwrite = true;
            if (cursor.checkWord("LOCAL") || cursor.checkWord("DIRECTORY")) {
                cursor.matchWord("LOCAL");
                cursor.expectWord("DIRECTORY");
                String path = cursor.check(TokenType.STRING) ? cursor.next().text() : null;
                if (!cursor.checkWord("USING")) {
                    throw cursor.unsupported(cursor.peek(), "INSERT OVERWRITE DIRECTORY with a Hive format; use USING format");
                }
                cursor.next();
                String format = String.join(".", cursor.multipartIdentifier());
                Map<String, String> options = cursor.matchWord("OPTIONS") ? options() : Map.of();
                return new InsertOverwriteDirectory(path, format, options, queries.query());
            }
        } else {
            cursor.expectWord("INTO");
            overwrite = false;
        }
        cursor.matchWord("TABLE");
        String name = tableName();
        Map<String, Expression> partition = cursor.matchWord("PARTITION") ? partitionSpec() : Map.of();
        List<String> columns = List.of();
        if (cursor.check(TokenType.LEFT_PAREN) && !Keywords.startsQuery(cursor.peek(1)) && !cursor.peek(1).is(TokenType.LEFT_PAREN)) {
            columns = identifierList();
        }
        if (cursor.checkWord("BY") || cursor.checkWord("REPLACE")) {
            throw cursor.unsupported(cursor.peek(), "INSERT " + cursor.peek().text().toUpperCase(Locale.ROOT));
        }
        return new InsertIntoTable(name, overwrite, partition, columns, queries.query());
    }

    /** {@code (col = constant, col, ...)}: static partition values, and columns whose values come from the query (no value). */
    private Map<String, Expression> partitionSpec() {
        cursor.expect(TokenType.LEFT_PAREN);
        Map<String, Expression> spec = new LinkedHashMap<>();
        do {
            String column = cursor.identifier();
            spec.put(column, cursor.match(TokenType.EQ) ? queries.expressions().expression() : null);
        } while (cursor.match(TokenType.COMMA));
        cursor.expect(TokenType.RIGHT_PAREN);
        return Collections.unmodifiableMap(spec);
    }

    /** A table name: {@code t}, {@code default.t} or {@code spark_catalog.default.t}; the tables live in {@code default}. */
    private String tableName() {
        Token first = cursor.peek();
        List<String> parts = cursor.multipartIdentifier();
        boolean inDefault = parts.size() == 1
                || parts.size() == 2 && parts.get(0).equalsIgnoreCase("default")
                || parts.size() == 3 && parts.get(0).equalsIgnoreCase("spark_catalog") && parts.get(1).equalsIgnoreCase("default");
        if (!inDefault) {
            throw cursor.unsupported(first, "tables outside the default database: " + String.join(".", parts));
        }
        return parts.get(parts.size() - 1);
    }

    private List<String> identifierList() {
        cursor.expect(TokenType.LEFT_PAREN);
        List<String> names = new ArrayList<>();
        do {
            names.add(cursor.identifier());
        } while (cursor.match(TokenType.COMMA));
        cursor.expect(TokenType.RIGHT_PAREN);
        return names;
    }

    private String string() {
        if (!cursor.check(TokenType.STRING)) {
            throw cursor.syntaxError(cursor.peek(), ": missing string");
        }
        return cursor.next().text();
    }

    /** Whether the parenthesized list at the cursor is followed by USING, so that it is a schema. */
    private boolean columnListThenUsing() {
        int depth = 0;
        for (int ahead = 0; !cursor.peek(ahead).is(TokenType.END_OF_INPUT); ahead++) {
            TokenType type = cursor.peek(ahead).type();
            if (type == TokenType.LEFT_PAREN) {
                depth++;
            } else if (type == TokenType.RIGHT_PAREN && --depth == 0) {
                return cursor.peek(ahead + 1).isWord("USING");
            }
        }
        return false;
    }

    /** {@code (key 'value', 'key' = 'value', a.b = true, n = 10)}; keys are kept as written. */
    private Map<String, String> options() {
        cursor.expect(TokenType.LEFT_PAREN);
        Map<String, String> options = new LinkedHashMap<>();
        do {
            Token keyToken = cursor.peek();
            String key = cursor.check(TokenType.STRING) ? cursor.next().text() : String.join(".", cursor.multipartIdentifier());
            cursor.match(TokenType.EQ);
            Token value = cursor.peek();
            String text;
            if (value.is(TokenType.STRING) || value.is(TokenType.NUMBER)) {
                text = value.text();
            } else if (value.isWord("TRUE") || value.isWord("FALSE")) {
                text = value.text().toLowerCase(Locale.ROOT);
            } else {
                throw cursor.syntaxError(value, value.is(TokenType.END_OF_INPUT) ? ": missing option value" : "");
            }
            cursor.next();
            if (options.put(key, text) != null) {
                throw cursor.syntaxError(keyToken, ": duplicate option " + cursor.describe(keyToken));
            }
        } while (cursor.match(TokenType.COMMA));
        cursor.expect(TokenType.RIGHT_PAREN);
        return options;
    }

    /** {@code DROP VIEW [IF EXISTS] name}, {@code DROP TABLE [IF EXISTS] name}. */
    private LogicalPlan drop() {
        Token drop = cursor.next();
        if (cursor.matchWord("TABLE")) {
            boolean ifExists = false;
            if (cursor.matchWord("IF")) {
                cursor.expectWord("EXISTS");
                ifExists = true;
            }
            return new DropTable(tableName(), ifExists);
        }
        if (!cursor.matchWord("VIEW")) {
            if (cursor.peek().is(TokenType.WORD)) {
                throw cursor.unsupported(drop, "DROP " + cursor.peek().text().toUpperCase(Locale.ROOT));
            }
            throw cursor.syntaxError(cursor.peek(), ": missing 'VIEW'");
        }
        boolean ifExists = false;
        if (cursor.matchWord("IF")) {
            cursor.expectWord("EXISTS");
            ifExists = true;
        }
        return new DropView(String.join(".", cursor.multipartIdentifier()), ifExists);
    }

    /** {@code SHOW TABLES [[LIKE] 'pattern']}. */
    private LogicalPlan show() {
        Token show = cursor.next();
        if (!cursor.matchWord("TABLES")) {
            if (cursor.peek().is(TokenType.WORD)) {
                throw cursor.unsupported(show, "SHOW " + cursor.peek().text().toUpperCase(Locale.ROOT));
            }
            throw cursor.syntaxError(cursor.peek(), ": missing 'TABLES'");
        }
        if (cursor.checkWord("FROM") || cursor.checkWord("IN")) {
            throw cursor.unsupported(cursor.peek(), "SHOW TABLES of another database");
        }
        cursor.matchWord("LIKE");
        String pattern = cursor.check(TokenType.STRING) ? cursor.next().text() : null;
        return new ShowTables(pattern);
    }

    /** {@code DESCRIBE | DESC [TABLE] name}, {@code DESCRIBE [QUERY] query}. */
    private LogicalPlan describe() {
        cursor.next();
        if (cursor.matchWord("QUERY") || Keywords.startsQuery(cursor.peek()) && !cursor.checkWord("TABLE")) {
            return new Describe(queries.query());
        }
        for (String other : List.of("FUNCTION", "DATABASE", "SCHEMA", "CATALOG", "EXTENDED", "FORMATTED")) {
            if (cursor.checkWord(other) && cursor.peek(1).isIdentifier()) {
                throw cursor.unsupported(cursor.peek(), "DESCRIBE " + other);
            }
        }
        if (cursor.checkWord("TABLE") && cursor.peek(1).isIdentifier()) {
            cursor.next();
        }
        Token name = cursor.peek();
        List<String> nameParts = cursor.multipartIdentifier();
        if (!cursor.atStatementEnd()) {
            throw cursor.unsupported(cursor.peek(), "DESCRIBE of a column or partition");
        }
        return new Describe(new UnresolvedRelation(nameParts, cursor.position(name)));
    }

    /** {@code EXPLAIN [EXTENDED | FORMATTED | COST | ANALYZE] statement}. */
    private LogicalPlan explain() {
        cursor.next();
        Explain.Mode mode = Explain.Mode.SIMPLE;
        if (cursor.matchWord("EXTENDED")) {
            mode = Explain.Mode.EXTENDED;
        } else if (cursor.matchWord("FORMATTED")) {
            mode = Explain.Mode.FORMATTED;
        } else if (cursor.matchWord("COST")) {
            mode = Explain.Mode.COST;
        } else if (cursor.matchWord("ANALYZE")) {
            mode = Explain.Mode.ANALYZE;
        } else if (cursor.checkWord("CODEGEN") || cursor.checkWord("LOGICAL")) {
            throw cursor.unsupported(cursor.peek(), "EXPLAIN " + cursor.peek().text().toUpperCase(Locale.ROOT));
        }
        return new Explain(statement(), mode);
    }

    /**
     * {@code SET}, {@code SET key}, {@code SET key = value}. As in Spark the key and value are raw
     * text, not tokens: {@code spark.sql.shuffle.partitions} has dots and a value may be anything up to
     * the end of the statement.
     */
    private LogicalPlan set() {
        cursor.next();
        if (cursor.atStatementEnd()) {
            return new SetConfig(null, null);
        }
        if (cursor.check(TokenType.MINUS) && cursor.checkWord(1, "v")) {
            throw cursor.unsupported(cursor.peek(), "SET -v");
        }
        Token first = cursor.peek();
        Token equals = null;
        Token lastOfKey = null;
        Token last = null;
        while (!cursor.atStatementEnd()) {
            Token token = cursor.next();
            if (equals == null && token.is(TokenType.EQ)) {
                equals = token;
            } else if (equals == null) {
                lastOfKey = token;
            }
            last = token;
        }
        if (lastOfKey == null) {
            throw cursor.syntaxError(first, ": missing configuration key");
        }
        String key = unquote(cursor.rawText(first, lastOfKey).strip());
        if (key.chars().anyMatch(Character::isWhitespace)) {
            throw cursor.syntaxError(first, ": a configuration key cannot contain spaces");
        }
        if (equals == null) {
            return new SetConfig(key, null);
        }
        String value = equals == last ? "" : cursor.sql().substring(equals.end(), last.end()).strip();
        return new SetConfig(key, value);
    }

    private static String unquote(String key) {
        if (key.length() >= 2 && key.startsWith("`") && key.endsWith("`")) {
            return key.substring(1, key.length() - 1).replace("``", "`");
        }
        return key;
    }
}
