package dev.ember.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.plan.logical.InlineTable;
import dev.ember.plan.logical.Join;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Project;
import dev.ember.plan.logical.Range;
import dev.ember.plan.logical.SubqueryAlias;
import dev.ember.plan.logical.UnresolvedRelation;
import org.junit.jupiter.api.Test;

class QueryParserTest {
    private static String tree(String sql) {
        return SqlParser.parseStatement(sql).treeString();
    }

    private static void assertUnsupported(String sql, String feature) {
        assertThatThrownBy(() -> SqlParser.parseStatement(sql))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.UNSUPPORTED_FEATURE))
                .hasMessageStartingWith("[UNSUPPORTED_FEATURE] The feature is not supported: " + feature + ".");
    }

    @Test
    void selectBlockIsBuiltBottomUp() {
        assertThat(tree("SELECT a, b + 1 AS c, count(*) FROM t WHERE a > 1 GROUP BY a, 2 HAVING count(*) > 1"
                + " ORDER BY a DESC, c NULLS LAST LIMIT 10 OFFSET 5")).isEqualTo("""
                Limit 10 OFFSET 5
                +- Sort [a DESC NULLS LAST, c ASC NULLS LAST], true
                   +- Filter (count(1) > 1)
                      +- Aggregate [a, 2], [a, (b + 1) AS c, count(1)]
                         +- Filter (a > 1)
                            +- 'UnresolvedRelation [t]
                """);
    }

    @Test
    void selectWithoutFromReadsOneRowWithoutColumns() {
        assertThat(tree("SELECT 1, 'a' AS s")).isEqualTo("""
                Project [1, a AS s]
                +- LocalRelation [], 1 rows
                """);
        assertThat(tree("SELECT 1 WHERE false")).isEqualTo("""
                Project [1]
                +- Filter false
                   +- LocalRelation [], 1 rows
                """);
    }

    @Test
    void aggregatesWithoutGroupByAreLeftToTheAnalyzer() {
        assertThat(tree("SELECT count(*) FROM t")).isEqualTo("""
                Project [count(1)]
                +- 'UnresolvedRelation [t]
                """);
    }

    @Test
    void havingWithoutGroupByIsAGlobalAggregate() {
        assertThat(tree("SELECT sum(a) FROM t HAVING sum(a) > 0")).isEqualTo("""
                Filter (sum(a) > 0)
                +- Aggregate [], [sum(a)]
                   +- 'UnresolvedRelation [t]
                """);
    }

    @Test
    void distinctAndAll() {
        assertThat(tree("SELECT DISTINCT a FROM t ORDER BY a")).isEqualTo("""
                Sort [a ASC NULLS FIRST], true
                +- Distinct
                   +- Project [a]
                      +- 'UnresolvedRelation [t]
                """);
        assertThat(tree("SELECT ALL a FROM t")).isEqualTo("""
                Project [a]
                +- 'UnresolvedRelation [t]
                """);
    }

    @Test
    void groupByAllIsTheNameAll() {
        assertThat(tree("SELECT a, sum(b) FROM t GROUP BY ALL")).isEqualTo("""
                Aggregate [ALL], [a, sum(b)]
                +- 'UnresolvedRelation [t]
                """);
    }

    @Test
    void limitForms() {
        assertThat(tree("SELECT a FROM t LIMIT ALL")).isEqualTo("""
                Project [a]
                +- 'UnresolvedRelation [t]
                """);
        assertThat(tree("SELECT a FROM t OFFSET 3")).startsWith("Limit 2147483647 OFFSET 3\n");
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT a FROM t LIMIT -1"))
                .hasMessageStartingWith("[INVALID_PARAMETER_VALUE]").hasMessageContaining("(line 1, pos 22)");
        assertUnsupported("SELECT a FROM t LIMIT n", "LIMIT with an expression other than an integer literal");
    }

    @Test
    void selectItemsWithImplicitAliasesAndStars() {
        assertThat(tree("SELECT t.*, a x, b AS `y z`, * FROM t")).isEqualTo("""
                Project [t.*, a AS x, b AS y z, *]
                +- 'UnresolvedRelation [t]
                """);
    }

    @Test
    void joins() {
        assertThat(tree("SELECT * FROM a JOIN b ON a.x = b.x INNER JOIN c ON true LEFT JOIN d USING (k, l)"
                + " LEFT OUTER JOIN e ON 1 = 1 RIGHT JOIN f ON 2 = 2 FULL OUTER JOIN g ON 3 = 3 CROSS JOIN h"
                + " LEFT SEMI JOIN i ON 4 = 4 LEFT ANTI JOIN j ON 5 = 5 SEMI JOIN k ON 6 = 6 ANTI JOIN l ON 7 = 7"))
                .isEqualTo("""
                Project [*]
                +- Join LeftAnti, (7 = 7)
                   :- Join LeftSemi, (6 = 6)
                   :  :- Join LeftAnti, (5 = 5)
                   :  :  :- Join LeftSemi, (4 = 4)
                   :  :  :  :- Join Cross
                   :  :  :  :  :- Join FullOuter, (3 = 3)
                   :  :  :  :  :  :- Join RightOuter, (2 = 2)
                   :  :  :  :  :  :  :- Join LeftOuter, (1 = 1)
                   :  :  :  :  :  :  :  :- Join LeftOuter, USING [k, l]
                   :  :  :  :  :  :  :  :  :- Join Inner, true
                   :  :  :  :  :  :  :  :  :  :- Join Inner, (x = x)
                   :  :  :  :  :  :  :  :  :  :  :- 'UnresolvedRelation [a]
                   :  :  :  :  :  :  :  :  :  :  +- 'UnresolvedRelation [b]
                   :  :  :  :  :  :  :  :  :  +- 'UnresolvedRelation [c]
                   :  :  :  :  :  :  :  :  +- 'UnresolvedRelation [d]
                   :  :  :  :  :  :  :  +- 'UnresolvedRelation [e]
                   :  :  :  :  :  :  +- 'UnresolvedRelation [f]
                   :  :  :  :  :  +- 'UnresolvedRelation [g]
                   :  :  :  :  +- 'UnresolvedRelation [h]
                   :  :  :  +- 'UnresolvedRelation [i]
                   :  :  +- 'UnresolvedRelation [j]
                   :  +- 'UnresolvedRelation [k]
                   +- 'UnresolvedRelation [l]
                """);
        Join join = (Join) ((Project) SqlParser.parseStatement("SELECT * FROM a JOIN b ON a.x = b.y")).child();
        assertThat(join.condition().collect(UnresolvedAttribute.class).stream().map(UnresolvedAttribute::name))
                .containsExactly("a.x", "b.y");
    }

    @Test
    void commaIsACrossJoinLooserThanJoin() {
        assertThat(tree("SELECT * FROM a, b JOIN c ON b.x = c.x, d")).isEqualTo("""
                Project [*]
                +- Join Inner
                   :- Join Inner
                   :  :- 'UnresolvedRelation [a]
                   :  +- Join Inner, (x = x)
                   :     :- 'UnresolvedRelation [b]
                   :     +- 'UnresolvedRelation [c]
                   +- 'UnresolvedRelation [d]
                """);
    }

    @Test
    void parenthesizedJoinsAndAliases() {
        assertThat(tree("SELECT * FROM (a JOIN b ON x = y) AS ab JOIN ((c)) ON true")).isEqualTo("""
                Project [*]
                +- Join Inner, true
                   :- SubqueryAlias ab
                   :  +- Join Inner, (x = y)
                   :     :- 'UnresolvedRelation [a]
                   :     +- 'UnresolvedRelation [b]
                   +- 'UnresolvedRelation [c]
                """);
    }

    @Test
    void naturalJoinsWaitForTheAnalyzerToListTheirColumns() {
        assertThat(tree("SELECT * FROM a NATURAL LEFT JOIN b NATURAL JOIN c")).isEqualTo("""
                Project [*]
                +- NaturalJoin Inner
                   :- NaturalJoin LeftOuter
                   :  :- 'UnresolvedRelation [a]
                   :  +- 'UnresolvedRelation [b]
                   +- 'UnresolvedRelation [c]
                """);
    }

    @Test
    void tableAliases() {
        assertThat(tree("SELECT * FROM db.t AS x, u y, `v w` WHERE x.a = y.a")).isEqualTo("""
                Project [*]
                +- Filter (a = a)
                   +- Join Inner
                      :- Join Inner
                      :  :- SubqueryAlias x
                      :  :  +- 'UnresolvedRelation [db.t]
                      :  +- SubqueryAlias y
                      :     +- 'UnresolvedRelation [u]
                      +- 'UnresolvedRelation [v w]
                """);
    }

    @Test
    void strictNonReservedKeywordsNameTablesButDoNotAliasThem() {
        assertThat(tree("SELECT * FROM semi LEFT ANTI JOIN left ON semi.a = left.a")).isEqualTo("""
                Project [*]
                +- Join LeftAnti, (a = a)
                   :- 'UnresolvedRelation [semi]
                   +- 'UnresolvedRelation [left]
                """);
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT * FROM t AS anti"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'anti'.");
    }

    @Test
    void pathsAreRelationNames() {
        Project project = (Project) SqlParser.parseStatement("SELECT * FROM parquet.`/data/t.parquet`");
        UnresolvedRelation relation = (UnresolvedRelation) project.child();
        assertThat(relation.nameParts()).containsExactly("parquet", "/data/t.parquet");
        assertThat(relation.position().column()).isEqualTo(15);
    }

    @Test
    void subqueriesInFrom() {
        assertThat(tree("SELECT a FROM (SELECT a FROM t) JOIN (SELECT b FROM u) AS s ON a = b")).isEqualTo("""
                Project [a]
                +- Join Inner, (a = b)
                   :- SubqueryAlias __auto_generated_subquery_name
                   :  +- Project [a]
                   :     +- 'UnresolvedRelation [t]
                   +- SubqueryAlias s
                      +- Project [b]
                         +- 'UnresolvedRelation [u]
                """);
    }

    @Test
    void subqueryColumnAliasesRenameExplicitSelectItems() {
        assertThat(tree("SELECT * FROM (SELECT k, count(v) AS n FROM t GROUP BY k) AS c (key, total)")).isEqualTo("""
                Project [*]
                +- SubqueryAlias c
                   +- Aggregate [k], [k AS key, count(v) AS total]
                      +- 'UnresolvedRelation [t]
                """);
        assertUnsupported("SELECT * FROM (SELECT * FROM t) AS c (a, b)",
                "column names for a relation other than VALUES or a SELECT with explicit items");
        assertUnsupported("SELECT * FROM t AS c (a, b)",
                "column names for a relation other than VALUES or a SELECT with explicit items");
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT * FROM (SELECT a FROM t) AS c (x, y)"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near '(': 2 column names for 1 columns.");
    }

    @Test
    void valuesAsQueryAndRelation() {
        assertThat(tree("VALUES (1, 'a'), (2, 'b')")).isEqualTo("""
                'InlineTable 2 rows
                """);
        assertThat(tree("SELECT * FROM VALUES 1, 2, 3 AS t(a)")).isEqualTo("""
                Project [*]
                +- SubqueryAlias t
                   +- 'InlineTable 3 rows
                """);
        SubqueryAlias alias = (SubqueryAlias) ((Project) SqlParser.parseStatement(
                "SELECT * FROM (VALUES (1, 2), (3, 4)) t(a, b)")).child();
        InlineTable table = (InlineTable) alias.child();
        assertThat(table.columnNames()).containsExactly("a", "b");
        assertThat(table.rows().toString()).isEqualTo("[[1, 2], [3, 4]]");
        InlineTable unnamed = (InlineTable) SqlParser.parseStatement("VALUES (1)");
        assertThat(unnamed.columnNames()).isEmpty();
        assertThat(unnamed.rows().toString()).isEqualTo("[[1]]");
    }

    @Test
    void tableStatementIsARelation() {
        assertThat(tree("TABLE db.t")).isEqualTo("""
                'UnresolvedRelation [db.t]
                """);
    }

    @Test
    void rangeTableFunction() {
        Range one = (Range) ((Project) SqlParser.parseStatement("SELECT * FROM range(10)")).child();
        assertThat(one.nodeString()).isEqualTo("Range (0, 10, step=1, splits=0)");
        Range four = (Range) ((Project) SqlParser.parseStatement("SELECT * FROM RANGE(-5, 10L, 2, 4)")).child();
        assertThat(four.nodeString()).isEqualTo("Range (-5, 10, step=2, splits=4)");
        assertThat(tree("SELECT id FROM range(0, 10, 3) AS r")).isEqualTo("""
                Project [id]
                +- SubqueryAlias r
                   +- Range (0, 10, step=3, splits=0)
                """);
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT * FROM range(1, 2, 3, 4, 5)"))
                .hasMessageStartingWith("[WRONG_NUM_ARGS] The `range` requires [1, 2, 3, 4] parameters but the actual number is 5.");
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT * FROM range(0, 10, 0)"))
                .hasMessageStartingWith("[INVALID_PARAMETER_VALUE]").hasMessageContaining("the step must not be 0");
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT * FROM range(a)"))
                .hasMessageStartingWith("[INVALID_PARAMETER_VALUE]").hasMessageContaining("(line 1, pos 20)");
        assertUnsupported("SELECT * FROM explode(array(1))", "the table-valued function explode(...)");
    }

    @Test
    void setOperationPrecedence() {
        assertThat(tree("SELECT a FROM t UNION SELECT b FROM u EXCEPT SELECT c FROM v INTERSECT SELECT d FROM w"))
                .isEqualTo("""
                Except
                :- Distinct
                :  +- Union
                :     :- Project [a]
                :     :  +- 'UnresolvedRelation [t]
                :     +- Project [b]
                :        +- 'UnresolvedRelation [u]
                +- Intersect
                   :- Project [c]
                   :  +- 'UnresolvedRelation [v]
                   +- Project [d]
                      +- 'UnresolvedRelation [w]
                """);
    }

    @Test
    void setQuantifiersAndMinus() {
        assertThat(tree("SELECT 1 UNION ALL SELECT 2 INTERSECT ALL SELECT 3 MINUS ALL SELECT 4 EXCEPT DISTINCT SELECT 5"))
                .isEqualTo("""
                Except
                :- Except All
                :  :- Union
                :  :  :- Project [1]
                :  :  :  +- LocalRelation [], 1 rows
                :  :  +- Intersect All
                :  :     :- Project [2]
                :  :     :  +- LocalRelation [], 1 rows
                :  :     +- Project [3]
                :  :        +- LocalRelation [], 1 rows
                :  +- Project [4]
                :     +- LocalRelation [], 1 rows
                +- Project [5]
                   +- LocalRelation [], 1 rows
                """);
    }

    @Test
    void unionChainsOfOneKindAreFlattened() {
        assertThat(tree("SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION SELECT 4 UNION DISTINCT SELECT 5"))
                .isEqualTo("""
                Distinct
                +- Union
                   :- Union
                   :  :- Project [1]
                   :  :  +- LocalRelation [], 1 rows
                   :  :- Project [2]
                   :  :  +- LocalRelation [], 1 rows
                   :  +- Project [3]
                   :     +- LocalRelation [], 1 rows
                   :- Project [4]
                   :  +- LocalRelation [], 1 rows
                   +- Project [5]
                      +- LocalRelation [], 1 rows
                """);
    }

    @Test
    void orderAndLimitApplyToTheWholeSetOperation() {
        assertThat(tree("SELECT a FROM t UNION ALL (SELECT b FROM u ORDER BY b LIMIT 1) ORDER BY 1 LIMIT 2")).isEqualTo("""
                Limit 2
                +- Sort [1 ASC NULLS FIRST], true
                   +- Union
                      :- Project [a]
                      :  +- 'UnresolvedRelation [t]
                      +- Limit 1
                         +- Sort [b ASC NULLS FIRST], true
                            +- Project [b]
                               +- 'UnresolvedRelation [u]
                """);
    }

    @Test
    void parenthesizedQueries() {
        assertThat(tree("((SELECT a FROM t))")).isEqualTo("""
                Project [a]
                +- 'UnresolvedRelation [t]
                """);
        assertThat(tree("SELECT * FROM ((SELECT 1) UNION (SELECT 2)) u")).isEqualTo("""
                Project [*]
                +- SubqueryAlias u
                   +- Distinct
                      +- Union
                         :- Project [1]
                         :  +- LocalRelation [], 1 rows
                         +- Project [2]
                            +- LocalRelation [], 1 rows
                """);
    }

    @Test
    void commonTableExpressions() {
        assertThat(tree("WITH x AS (SELECT 1 AS a), y (b) AS (SELECT a FROM x) SELECT * FROM x JOIN y ON a = b"))
                .isEqualTo("""
                WithCte [x, y]
                :- Project [1 AS a]
                :  +- LocalRelation [], 1 rows
                :- Project [a AS b]
                :  +- 'UnresolvedRelation [x]
                +- Project [*]
                   +- Join Inner, (a = b)
                      :- 'UnresolvedRelation [x]
                      +- 'UnresolvedRelation [y]
                """);
        assertThat(tree("WITH x (SELECT 1) SELECT * FROM x ORDER BY 1")).isEqualTo("""
                WithCte [x]
                :- Project [1]
                :  +- LocalRelation [], 1 rows
                +- Sort [1 ASC NULLS FIRST], true
                   +- Project [*]
                      +- 'UnresolvedRelation [x]
                """);
        assertUnsupported("WITH RECURSIVE x AS (SELECT 1) SELECT * FROM x", "recursive common table expressions");
    }

    @Test
    void subqueryExpressionsInClauses() {
        assertThat(tree("SELECT a, (SELECT max(b) FROM u) FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.b = t.a)"
                + " AND a IN (SELECT b FROM u)")).isEqualTo("""
                Project [a, scalarsubquery()]
                +- Filter (exists() AND (a IN (listquery())))
                   +- 'UnresolvedRelation [t]
                """);
    }

    @Test
    void groupingAnalyticsListTheColumnsOnceThenTheSets() {
        assertThat(tree("SELECT a FROM t GROUP BY ROLLUP (a, b)").lines().findFirst().orElseThrow())
                .isEqualTo("Aggregate [a, b, GROUPING SETS((0, 1), (0), ())], [a]");
        assertThat(tree("SELECT a FROM t GROUP BY a WITH CUBE").lines().findFirst().orElseThrow())
                .isEqualTo("Aggregate [a, GROUPING SETS((0), ())], [a]");
        assertThat(tree("SELECT a FROM t GROUP BY GROUPING SETS ((a, b), b, ())").lines().findFirst().orElseThrow())
                .isEqualTo("Aggregate [a, b, GROUPING SETS((0, 1), (1), ())], [a]");
        // Items combine as a cross product: a with each set of the rollup.
        assertThat(tree("SELECT a FROM t GROUP BY a, ROLLUP (b)").lines().findFirst().orElseThrow())
                .isEqualTo("Aggregate [a, b, GROUPING SETS((0, 1), (0))], [a]");
    }

    @Test
    void clausesNotSupportedYet() {
        assertUnsupported("SELECT a FROM t SORT BY a", "SORT BY");
        assertUnsupported("SELECT a FROM t DISTRIBUTE BY a", "DISTRIBUTE BY");
        assertUnsupported("SELECT a FROM t TABLESAMPLE (10 PERCENT)", "TABLESAMPLE");
        assertUnsupported("FROM t SELECT a", "queries that start with FROM");
        assertUnsupported("SELECT * FROM t PIVOT (sum(a) FOR b IN (1, 2))", "PIVOT");
    }

    @Test
    void lateralViewsApplyToTheWholeFromClauseInOrder() {
        assertThat(tree("SELECT x, y FROM t, u LATERAL VIEW explode(a) e AS x LATERAL VIEW OUTER posexplode(b) f p, y WHERE x > 0"))
                .isEqualTo("""
                        Project [x, y]
                        +- Filter (x > 0)
                           +- LateralView OUTER posexplode(b) f AS [p, y]
                              +- LateralView explode(a) e AS [x]
                                 +- Join Inner
                                    :- 'UnresolvedRelation [t]
                                    +- 'UnresolvedRelation [u]
                        """);
        assertThat(tree("SELECT * FROM t LATERAL VIEW explode(a) e").lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("+- LateralView explode(a) e");
    }

    @Test
    void namedWindowsAreReplacedByTheirDefinitions() {
        assertThat(tree("SELECT sum(a) OVER w, rank() OVER (PARTITION BY b) FROM t WINDOW w AS (PARTITION BY b ORDER BY a)")
                .lines().findFirst().orElseThrow())
                .isEqualTo(tree("SELECT sum(a) OVER (PARTITION BY b ORDER BY a), rank() OVER (PARTITION BY b) FROM t")
                        .lines().findFirst().orElseThrow());
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT sum(a) OVER v FROM t WINDOW w AS (PARTITION BY b)"))
                .hasMessageStartingWith("[MISSING_WINDOW_SPECIFICATION] Window specification is not defined in the WINDOW clause for v.");
    }

    @Test
    void syntaxErrorsPointAtTheToken() {
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT FROM t"))
                .hasMessage("""
                        [PARSE_SYNTAX_ERROR] Syntax error at or near 'FROM'. SQLSTATE: 42601 (line 1, pos 7)

                        == SQL ==
                        SELECT FROM t
                               ^""");
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT a FROM"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing table name."
                        + " SQLSTATE: 42601 (line 1, pos 13)");
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT a FROM t LEFT b"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'b': missing 'JOIN'.");
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT a,\nb c d\nFROM t"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'd': extra input 'd'."
                        + " SQLSTATE: 42601 (line 2, pos 4)")
                .hasMessageEndingWith("== SQL ==\nb c d\n    ^");
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT * FROM (SELECT 1"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing ')'.");
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT a FROM t WHERE a = 1 GROUP a"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'GROUP': extra input 'GROUP'.");
    }

    @Test
    void relationsKnowWhereTheyStart() {
        LogicalPlan plan = SqlParser.parseStatement("SELECT *\n  FROM  t");
        UnresolvedRelation relation = (UnresolvedRelation) ((Project) plan).child();
        assertThat(relation.position().line()).isEqualTo(2);
        assertThat(relation.position().column()).isEqualTo(9);
        assertThat(relation.position().text()).isEqualTo("SELECT *\n  FROM  t");
    }
}
