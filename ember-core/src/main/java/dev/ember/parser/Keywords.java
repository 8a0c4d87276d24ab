package dev.ember.parser;

import java.util.Locale;
import java.util.Set;

/**
 * The few keywords the parser must not take for names. Spark's keywords are non-reserved by default
 * ({@code SELECT year FROM t} is fine), so instead of one reserved list there are two small sets,
 * each for the place where a word would otherwise be ambiguous.
 */
final class Keywords {
    /**
     * Words that end a select item or a relation rather than name it as an implicit alias:
     * in {@code FROM t WHERE ...}, {@code WHERE} is not the alias of {@code t}.
     */
    private static final Set<String> NOT_AN_ALIAS = Set.of(
            "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "WINDOW", "QUALIFY",
            "SORT", "CLUSTER", "DISTRIBUTE", "UNION", "INTERSECT", "EXCEPT", "MINUS",
            "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "SEMI", "ANTI", "ON", "USING",
            "LATERAL", "TABLESAMPLE", "PIVOT", "UNPIVOT", "AS", "SELECT", "WITH",
            "AND", "OR", "NOT", "IS", "IN", "LIKE", "ILIKE", "RLIKE", "REGEXP", "BETWEEN", "DIV");

    /**
     * Words that cannot start an expression as a column name, so that {@code SELECT FROM t} fails at
     * {@code FROM} instead of selecting a column called {@code FROM}.
     */
    private static final Set<String> NOT_A_COLUMN = Set.of(
            "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION", "INTERSECT", "EXCEPT",
            "SELECT", "AS", "WHEN", "THEN", "ELSE", "END", "AND", "OR", "ON", "JOIN", "IS", "IN", "BY",
            "DISTINCT", "BETWEEN", "LIKE");

    /**
     * Spark's strict non-reserved keywords: with {@code spark.sql.ansi.enforceReservedKeywords} off (the
     * default, also under ANSI) they name tables, views and columns, but never alias a relation.
     */
    private static final Set<String> STRICT_NON_RESERVED = Set.of(
            "ANTI", "CROSS", "EXCEPT", "FULL", "INNER", "INTERSECT", "JOIN", "LATERAL", "LEFT", "MINUS",
            "NATURAL", "ON", "RIGHT", "SEMI", "SETMINUS", "UNION", "USING");

    /** Words that start a query: what may follow {@code (} in a subquery. */
    private static final Set<String> QUERY_START = Set.of("SELECT", "WITH", "VALUES", "TABLE");

    private Keywords() {
    }

    static boolean canBeAlias(Token token) {
        return token.is(TokenType.QUOTED_IDENTIFIER)
                || (token.is(TokenType.WORD) && !NOT_AN_ALIAS.contains(upper(token)));
    }

    /** Whether a relation may start with this token as (the first part of) a table or view name. */
    static boolean canBeTableName(Token token) {
        return canBeAlias(token) || isStrictNonReserved(token);
    }

    /** Whether this is a word that cannot alias a relation, not even after {@code AS}. */
    static boolean isStrictNonReserved(Token token) {
        return token.is(TokenType.WORD) && STRICT_NON_RESERVED.contains(upper(token));
    }

    static boolean canBeColumn(Token token) {
        return token.is(TokenType.QUOTED_IDENTIFIER)
                || (token.is(TokenType.WORD) && !NOT_A_COLUMN.contains(upper(token)));
    }

    static boolean startsQuery(Token token) {
        return token.is(TokenType.WORD) && QUERY_START.contains(upper(token));
    }

    private static String upper(Token token) {
        return token.text().toUpperCase(Locale.ROOT);
    }
}
