package dev.ember.parser;

import static dev.ember.parser.SqlParser.parseExpression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.error.QueryPosition;
import dev.ember.expr.Alias;
import dev.ember.expr.Cast;
import dev.ember.expr.Comparison;
import dev.ember.expr.Exists;
import dev.ember.expr.Expression;
import dev.ember.expr.InSubquery;
import dev.ember.expr.IntervalLiteral;
import dev.ember.expr.Literal;
import dev.ember.expr.Not;
import dev.ember.expr.ScalarSubquery;
import dev.ember.expr.TryEval;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.expr.UnresolvedFunction;
import dev.ember.expr.UnresolvedStar;
import dev.ember.expr.UnresolvedTimestampLiteral;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {
    private static String parsed(String sql) {
        return parseExpression(sql).toString();
    }

    private static void assertLiteral(String sql, Object value, DataType type) {
        Expression expression = parseExpression(sql);
        assertThat(expression).isInstanceOf(Literal.class);
        assertThat(((Literal) expression).value()).isEqualTo(value);
        assertThat(expression.dataType()).isEqualTo(type);
    }

    @Test
    void precedenceFollowsSpark() {
        assertThat(parsed("a OR b AND NOT c = d + e * f")).isEqualTo("(a OR (b AND (NOT (c = (d + (e * f))))))");
        assertThat(parsed("1 + 2 * 3 - 4 / 5 % 6")).isEqualTo("((1 + (2 * 3)) - ((4 / 5) % 6))");
        assertThat(parsed("(1 + 2) * 3")).isEqualTo("((1 + 2) * 3)");
        assertThat(parsed("a < b = c")).isEqualTo("((a < b) = c)");
        assertThat(parsed("NOT a AND b")).isEqualTo("((NOT a) AND b)");
        assertThat(parsed("! a")).isEqualTo("(NOT a)");
    }

    @Test
    void concatIsAtTheLevelOfPlusAndMinus() {
        assertThat(parsed("'a' || 1 + 2")).isEqualTo("(concat(a, 1) + 2)");
        assertThat(parsed("a || b || c")).isEqualTo("concat(concat(a, b), c)");
        assertThat(parsed("a || b * c")).isEqualTo("concat(a, (b * c))");
    }

    @Test
    void divIsIntegralDivision() {
        assertThat(parsed("a DIV b + 1")).isEqualTo("(div(a, b) + 1)");
    }

    @Test
    void unaryMinusAndPlus() {
        assertThat(parsed("-a")).isEqualTo("(- a)");
        assertThat(parsed("- - a")).isEqualTo("(- (- a))");
        assertThat(parsed("+a")).isEqualTo("(+ a)");
        assertThat(parsed("a - -1")).isEqualTo("(a - -1)");
        assertThat(parsed("-a::int")).isEqualTo("(- CAST(a AS INT))");
        assertThat(parsed("-1::string")).isEqualTo("CAST(-1 AS STRING)");
    }

    @Test
    void tryCastIsACastThatTolerates() {
        assertThat(parsed("try_cast(a AS int)")).isEqualTo("TRY_CAST(a AS INT)");
        assertThat(parseExpression("try_cast(a AS int)")).isInstanceOf(TryEval.class);
    }

    @Test
    void integerLiteralsWidenAsNeeded() {
        assertLiteral("1", 1, AtomicType.INT);
        assertLiteral("2147483647", Integer.MAX_VALUE, AtomicType.INT);
        assertLiteral("-2147483648", Integer.MIN_VALUE, AtomicType.INT);
        assertLiteral("2147483648", 2147483648L, AtomicType.LONG);
        assertLiteral("-9223372036854775808", Long.MIN_VALUE, AtomicType.LONG);
        assertLiteral("9223372036854775808", new BigDecimal("9223372036854775808"), new DecimalType(19, 0));
    }

    @Test
    void suffixedAndFractionalLiterals() {
        assertLiteral("1L", 1L, AtomicType.LONG);
        assertLiteral("-9223372036854775808L", Long.MIN_VALUE, AtomicType.LONG);
        assertLiteral("7s", (short) 7, AtomicType.SHORT);
        assertLiteral("-128Y", (byte) -128, AtomicType.BYTE);
        assertLiteral("1.5", new BigDecimal("1.5"), new DecimalType(2, 1));
        assertLiteral("0.05", new BigDecimal("0.05"), new DecimalType(2, 2));
        assertLiteral(".5", new BigDecimal("0.5"), new DecimalType(1, 1));
        assertLiteral("-12.340", new BigDecimal("-12.340"), new DecimalType(5, 3));
        assertLiteral("1.5BD", new BigDecimal("1.5"), new DecimalType(2, 1));
        assertLiteral("1E3BD", new BigDecimal("1000"), new DecimalType(4, 0));
        assertLiteral("1.5D", 1.5d, AtomicType.DOUBLE);
        assertLiteral("1e3", 1000.0d, AtomicType.DOUBLE);
        assertLiteral("-2.5E-1", -0.25d, AtomicType.DOUBLE);
        assertLiteral("1.5F", 1.5f, AtomicType.FLOAT);
    }

    @Test
    void outOfRangeLiteralsAreErrors() {
        assertThatThrownBy(() -> parseExpression("128Y"))
                .hasMessageStartingWith("[NUMERIC_VALUE_OUT_OF_RANGE] The value 128 cannot be represented as TINYINT.");
        assertThatThrownBy(() -> parseExpression("a + 9223372036854775808L"))
                .hasMessageStartingWith("[NUMERIC_VALUE_OUT_OF_RANGE] The value 9223372036854775808 cannot be represented as BIGINT.")
                .hasMessageContaining("(line 1, pos 4)");
        assertThatThrownBy(() -> parseExpression("1e999"))
                .hasMessageContaining("cannot be represented as DOUBLE");
    }

    @Test
    void stringBooleanAndNullLiterals() {
        assertLiteral("'it' \"'s\" 'x'", "it'sx", AtomicType.STRING);
        assertLiteral("true", true, AtomicType.BOOLEAN);
        assertLiteral("FALSE", false, AtomicType.BOOLEAN);
        assertLiteral("null", null, AtomicType.NULL);
    }

    @Test
    void dateLiterals() {
        assertLiteral("DATE '2024-01-31'", LocalDate.of(2024, 1, 31), AtomicType.DATE);
        assertLiteral("date '2024-2-3'", LocalDate.of(2024, 2, 3), AtomicType.DATE);
        assertLiteral("DATE '2024'", LocalDate.of(2024, 1, 1), AtomicType.DATE);
        assertLiteral("DATE '2024-05-06 12:00:00'", LocalDate.of(2024, 5, 6), AtomicType.DATE);
        assertThat(parsed("d >= DATE '1994-01-01'")).isEqualTo("(d >= DATE '1994-01-01')");
    }

    @Test
    void malformedDateIsAnErrorAtTheLiteral() {
        assertThatThrownBy(() -> parseExpression("d < DATE '2024-02-30'"))
                .isInstanceOf(EmberException.class)
                .hasMessageStartingWith("[CAST_INVALID_INPUT] The value '2024-02-30' of the type \"STRING\" cannot be cast"
                        + " to \"DATE\" because it is malformed.")
                .hasMessageContaining("(line 1, pos 4)");
    }

    @Test
    void dateAsANameOrFunctionIsNotALiteral() {
        assertThat(parseExpression("date")).isInstanceOf(UnresolvedAttribute.class);
        assertThat(parsed("date(ts)")).isEqualTo("date(ts)");
    }

    @Test
    void intervalLiterals() {
        assertThat(parsed("d + INTERVAL '3' MONTH")).isEqualTo("(d + INTERVAL '3' MONTH)");
        assertThat(parsed("d - interval 3 days")).isEqualTo("(d - INTERVAL '3' DAY)");
        assertThat(parsed("d + INTERVAL -'1-6' YEAR TO MONTH")).isEqualTo("(d + INTERVAL '-1-6' YEAR TO MONTH)");
        IntervalLiteral daySecond = (IntervalLiteral) SqlParser.parseExpression("INTERVAL '1 02:03:04.5' DAY TO SECOND");
        assertThat(daySecond.days()).isEqualTo(1);
        assertThat(daySecond.micros()).isEqualTo(((2 * 60 + 3) * 60 + 4) * 1_000_000L + 500_000L);
        assertThat(((IntervalLiteral) SqlParser.parseExpression("INTERVAL '1-6' YEAR TO MONTH")).months()).isEqualTo(18);
        assertThatThrownBy(() -> SqlParser.parseExpression("INTERVAL 'x' DAY"))
                .hasMessageContaining("[PARSE_SYNTAX_ERROR]").hasMessageContaining("cannot read the interval value 'x' as DAY");
    }

    @Test
    void timestampNtzAndBinaryLiteralsAreNotSupportedYet() {
        assertUnsupported("TIMESTAMP_NTZ '2024-01-01 00:00:00'", "TIMESTAMP_NTZ literals (Ember has no TIMESTAMP_NTZ type yet)", 0);
        assertUnsupported("X'1F'", "binary literals", 0);
    }

    @Test
    void timestampLiteralsWaitForTheSessionZoneAndMalformedOnesAreParseErrors() {
        assertThat(parseExpression("TIMESTAMP '2024-01-01 00:00:00'")).isInstanceOf(UnresolvedTimestampLiteral.class);
        assertThat(parseExpression("TIMESTAMP_LTZ '2024-01-01'")).hasToString("TIMESTAMP '2024-01-01'");
        assertThatThrownBy(() -> parseExpression("TIMESTAMP '2024-01-01 25:00:00'"))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.INVALID_TYPED_LITERAL));
    }

    @Test
    void subscripts() {
        assertThat(parsed("a[0]")).isEqualTo("a[0]");
        assertThat(parsed("split(s, ',')[i + 1]::string")).isEqualTo("CAST(split(s, ,)[(i + 1)] AS STRING)");
    }

    @Test
    void comparisons() {
        assertThat(parsed("a = 1 AND a == 1 AND a <> 1 AND a != 1 AND a < 1 AND a <= 1 AND a > 1 AND a >= 1 AND a <=> 1"))
                .isEqualTo("(((((((((a = 1) AND (a = 1)) AND (NOT (a = 1))) AND (NOT (a = 1))) AND (a < 1)) AND (a <= 1))"
                        + " AND (a > 1)) AND (a >= 1)) AND (a <=> 1))");
    }

    @Test
    void isPredicates() {
        assertThat(parsed("a IS NULL")).isEqualTo("(a IS NULL)");
        assertThat(parsed("a IS NOT NULL")).isEqualTo("(a IS NOT NULL)");
        assertThat(parsed("a IS TRUE")).isEqualTo("(a <=> true)");
        assertThat(parsed("a IS NOT FALSE")).isEqualTo("(NOT (a <=> false))");
        assertThat(parsed("a IS UNKNOWN")).isEqualTo("(a IS NULL)");
        assertThat(parsed("a IS DISTINCT FROM b")).isEqualTo("(NOT (a <=> b))");
        assertThat(parsed("a IS NOT DISTINCT FROM b + 1")).isEqualTo("(a <=> (b + 1))");
        assertThat(parsed("a = b IS NULL")).isEqualTo("((a = b) IS NULL)");
        assertThat(parsed("NOT a IS NULL")).isEqualTo("(NOT (a IS NULL))");
    }

    @Test
    void betweenInAndLike() {
        assertThat(parsed("a BETWEEN 1 AND 2 + 3")).isEqualTo("between(a, 1, (2 + 3))");
        assertThat(parsed("a NOT BETWEEN 1 AND 2 AND b")).isEqualTo("((NOT between(a, 1, 2)) AND b)");
        assertThat(parsed("a IN (1, 2, 3)")).isEqualTo("(a IN (1, 2, 3))");
        assertThat(parsed("a NOT IN ('x')")).isEqualTo("(NOT (a IN (x)))");
        assertThat(parsed("a LIKE 'x%'")).isEqualTo("a LIKE x%");
        assertThat(parsed("a NOT LIKE 'x%'")).isEqualTo("(NOT a LIKE x%)");
        assertThat(parsed("a RLIKE '^x' OR a REGEXP 'y'")).isEqualTo("(RLIKE(a, ^x) OR RLIKE(a, y))");
        assertThat(parsed("a ILIKE 'X%'")).isEqualTo("ilike(a, X%)");
        assertThat(parsed("a LIKE 'x\\_%' ESCAPE '\\\\'")).isEqualTo("a LIKE x\\_%");
        assertThat(parsed("a LIKE 'x!%' ESCAPE '!'")).isEqualTo("a LIKE x!% ESCAPE '!'");
        assertUnsupported("a ILIKE 'x' ESCAPE '!'", "ILIKE with an ESCAPE character", 12);
        assertUnsupported("a LIKE ANY ('x', 'y')", "LIKE ANY", 7);
    }

    @Test
    void caseExpressions() {
        assertThat(parsed("CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END"))
                .isEqualTo("CASE WHEN (a > 1) THEN x WHEN (a > 0) THEN y ELSE z END");
        assertThat(parsed("case a when 1 then 'one' when 2 then 'two' end"))
                .isEqualTo("CASE WHEN (a = 1) THEN one WHEN (a = 2) THEN two END");
    }

    @Test
    void casts() {
        assertThat(parsed("CAST(a AS decimal(10, 2))")).isEqualTo("CAST(a AS DECIMAL(10,2))");
        assertThat(parsed("a::bigint + 1")).isEqualTo("(CAST(a AS BIGINT) + 1)");
        assertThat(parsed("a::string::int")).isEqualTo("CAST(CAST(a AS STRING) AS INT)");
        Cast cast = (Cast) parseExpression("cast(a as array<varchar(10)>)");
        assertThat(cast.dataType()).isEqualTo(new ArrayType(AtomicType.STRING, true));
    }

    @Test
    void functionCalls() {
        assertThat(parsed("count(*)")).isEqualTo("count(1)");
        assertThat(((UnresolvedFunction) parseExpression("count(*)")).arguments().get(0).dataType()).isEqualTo(AtomicType.INT);
        assertThat(parsed("COUNT(DISTINCT a, b)")).isEqualTo("count(DISTINCT a, b)");
        assertThat(parsed("sum(ALL a)")).isEqualTo("sum(a)");
        assertThat(parsed("now()")).isEqualTo("now()");
        assertThat(parsed("coalesce(a, if(b, 1, 2), left(s, 3))")).isEqualTo("coalesce(a, if(b, 1, 2), left(s, 3))");
        assertThat(parsed("my_db.my_fn(1)")).isEqualTo("my_db.my_fn(1)");
        assertThat(((UnresolvedFunction) parseExpression("struct(*)")).arguments().get(0)).isInstanceOf(UnresolvedStar.class);
    }

    @Test
    void specialFunctionSyntax() {
        assertThat(parsed("EXTRACT(YEAR FROM d)")).isEqualTo("year(d)");
        assertThat(parsed("extract(mon from d) + extract(DOY from d)")).isEqualTo("(month(d) + dayofyear(d))");
        assertThat(parsed("extract(dow_iso from d)")).isEqualTo("(weekday(d) + 1)");
        assertThat(parsed("SUBSTRING(s FROM 2 FOR 3)")).isEqualTo("substring(s, 2, 3)");
        assertThat(parsed("substr(s FROM 2)")).isEqualTo("substr(s, 2)");
        assertThat(parsed("substring(s, 1, 2)")).isEqualTo("substring(s, 1, 2)");
        assertThat(parsed("TRIM(s)")).isEqualTo("trim(s)");
        assertThat(parsed("trim(BOTH FROM s)")).isEqualTo("trim(s)");
        assertThat(parsed("trim(LEADING 'x' FROM s)")).isEqualTo("ltrim(x, s)");
        assertThat(parsed("trim(trailing FROM s)")).isEqualTo("rtrim(s)");
        assertThat(parsed("trim('x' FROM s)")).isEqualTo("trim(x, s)");
        assertThat(parsed("POSITION('b' IN s)")).isEqualTo("locate(b, s)");
        assertThat(parsed("position('b', s, 2)")).isEqualTo("position(b, s, 2)");
        assertThatThrownBy(() -> parseExpression("extract(fortnight from d)"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'fortnight': EXTRACT does not know"
                        + " the field 'fortnight'.");
    }

    @Test
    void windowSpecifications() {
        assertThat(parsed("rank() OVER (ORDER BY a)")).isEqualTo("rank() OVER (ORDER BY a ASC NULLS FIRST)");
        assertThat(parsed("sum(x) OVER (PARTITION BY k, j ORDER BY a DESC ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING)"))
                .isEqualTo("sum(x) OVER (PARTITION BY k, j ORDER BY a DESC NULLS LAST ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING)");
        assertThat(parsed("count(1) OVER (ORDER BY a RANGE CURRENT ROW)"))
                .isEqualTo("count(1) OVER (ORDER BY a ASC NULLS FIRST RANGE BETWEEN CURRENT ROW AND CURRENT ROW)");
        assertThatThrownBy(() -> parseExpression("sum(x) OVER (ROWS BETWEEN b PRECEDING AND CURRENT ROW)"))
                .hasMessageContaining("a ROWS frame bound must be UNBOUNDED, CURRENT ROW or an integer literal");
        assertThat(parsed("sum(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL '2' DAY PRECEDING AND 1.5 FOLLOWING)"))
                .isEqualTo("sum(x) OVER (ORDER BY d ASC NULLS FIRST RANGE BETWEEN INTERVAL '2' DAY PRECEDING AND 1.5 FOLLOWING)");
    }

    @Test
    void aggregateFilterClauses() {
        assertThat(parsed("count(*) FILTER (WHERE a > 1)")).isEqualTo("count(1) FILTER (WHERE (a > 1))");
        UnresolvedFunction call = (UnresolvedFunction) parseExpression("sum(DISTINCT a) filter (where b or c)");
        assertThat(call.distinct()).isTrue();
        assertThat(call.arguments()).hasSize(1);
        assertThat(call.filter().toString()).isEqualTo("(b OR c)");
        assertThat(call.children()).hasSize(2);
        assertThat(parsed("sum(x) FILTER (WHERE b) OVER (PARTITION BY k)"))
                .isEqualTo("sum(x) FILTER (WHERE b) OVER (PARTITION BY k)");
        assertThatThrownBy(() -> parseExpression("sum(a) FILTER (b)")).hasMessageStartingWith("[PARSE_SYNTAX_ERROR]");
    }

    @Test
    void lambdasAndOtherSyntaxComeLater() {
        assertUnsupported("transform(xs, x -> x + 1)", "lambda functions", 16);
        assertUnsupported("a & b", "bitwise operators", 2);
    }

    @Test
    void columnNamesKeepEveryPartAndTheirPosition() {
        UnresolvedAttribute attribute = (UnresolvedAttribute) parseExpression("  db.t.`my col`");
        assertThat(attribute.nameParts()).containsExactly("db", "t", "my col");
        assertThat(attribute.position()).isEqualTo(new QueryPosition(1, 3, "  db.t.`my col`"));
        assertThat(attribute.toString()).isEqualTo("my col");
    }

    @Test
    void keywordsMayBeColumnNames() {
        assertThat(((UnresolvedAttribute) parseExpression("year")).nameParts()).containsExactly("year");
        assertThat(((UnresolvedAttribute) parseExpression("t.order")).nameParts()).containsExactly("t", "order");
        assertThat(parsed("`from` + 1")).isEqualTo("(from + 1)");
    }

    @Test
    void functionsKnowWhereTheyStart() {
        UnresolvedFunction outer = (UnresolvedFunction) parseExpression("upper(\n   lower(x))");
        UnresolvedFunction inner = (UnresolvedFunction) outer.arguments().get(0);
        assertThat(outer.position().line()).isEqualTo(1);
        assertThat(outer.position().column()).isEqualTo(1);
        assertThat(inner.position().line()).isEqualTo(2);
        assertThat(inner.position().column()).isEqualTo(4);
        UnresolvedFunction concat = (UnresolvedFunction) parseExpression("  a ||\n b");
        assertThat(concat.position().line()).isEqualTo(1);
        assertThat(concat.position().column()).isEqualTo(3);
    }

    @Test
    void stars() {
        assertThat(parseExpression("*")).isInstanceOf(UnresolvedStar.class);
        UnresolvedStar star = (UnresolvedStar) parseExpression("s.t.*");
        assertThat(star.qualifier()).containsExactly("s", "t");
    }

    @Test
    void aliases() {
        Alias explicit = (Alias) parseExpression("a + 1 AS b");
        assertThat(explicit.name()).isEqualTo("b");
        assertThat(explicit.child().toString()).isEqualTo("(a + 1)");
        assertThat(((Alias) parseExpression("a b")).name()).isEqualTo("b");
        assertThat(((Alias) parseExpression("a AS `x y`")).name()).isEqualTo("x y");
        assertThat(((Alias) parseExpression("count(*) AS from")).name()).isEqualTo("from");
        assertUnsupported("a AS (b, c)", "aliasing an expression with several names AS (a, b)", 5);
    }

    @Test
    void subqueries() {
        ScalarSubquery scalar = (ScalarSubquery) ((Comparison) parseExpression("a > (SELECT max(b) FROM t)")).right();
        assertThat(scalar.plan().treeString()).isEqualTo("""
                Project [max(b)]
                +- 'UnresolvedRelation [t]
                """);
        Not notExists = (Not) parseExpression("NOT EXISTS (SELECT * FROM t WHERE t.x = y)");
        assertThat(notExists.child()).isInstanceOf(Exists.class);
        InSubquery in = (InSubquery) parseExpression("a IN (SELECT b FROM t)");
        assertThat(in.value().toString()).isEqualTo("a");
        assertThat(in.plan().treeString()).isEqualTo("""
                Project [b]
                +- 'UnresolvedRelation [t]
                """);
        assertThat(parseExpression("a NOT IN (WITH c AS (SELECT 1) SELECT * FROM c)").toString())
                .isEqualTo("(NOT (a IN (listquery())))");
    }

    @Test
    void parenthesesAroundSubqueriesAreResolvedByTrying() {
        assertThat(parsed("((SELECT 1) + 1)")).isEqualTo("(scalarsubquery() + 1)");
        ScalarSubquery union = (ScalarSubquery) parseExpression("((SELECT 1) UNION ALL (SELECT 2))");
        assertThat(union.plan().treeString()).startsWith("Union\n");
        assertThat(parsed("((a))")).isEqualTo("a");
    }

    @Test
    void exists() {
        assertThat(parseExpression("exists(xs)")).isInstanceOf(UnresolvedFunction.class);
        assertThat(parseExpression("EXISTS (SELECT 1)")).isInstanceOf(Exists.class);
    }

    @Test
    void rowsAreStructs() {
        assertThat(parsed("(a, b) IN ((1, 2))")).isEqualTo("(struct(a, b) IN (struct(1, 2)))");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a +            | end of input | 3",
        "(a + 1         | end of input | 6",
        "a + )          | ')'          | 4",
        "f(a b c)       | 'b'          | 4",
        "CASE a END     | 'END'        | 7",
        "a 1            | '1'          | 2",
        "a # b          | '#'          | 2",
        "CAST(a AS)     | ')'          | 9",
        "a NOT NULL     | 'NOT'        | 2",
    })
    void syntaxErrorsPointAtTheOffendingToken(String sql, String token, int pos) {
        assertThatThrownBy(() -> parseExpression(sql))
                .isInstanceOf(EmberException.class)
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near " + token)
                .hasMessageContaining("SQLSTATE: 42601 (line 1, pos " + pos + ")");
    }

    @Test
    void errorHints() {
        assertThatThrownBy(() -> parseExpression("(a + 1"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input: missing ')'.");
        assertThatThrownBy(() -> parseExpression("a b c"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'c': extra input 'c'.");
        assertThatThrownBy(() -> parseExpression("CASE a END"))
                .hasMessageStartingWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'END': missing 'WHEN'.");
    }

    private static void assertUnsupported(String sql, String feature, int pos) {
        assertThatThrownBy(() -> parseExpression(sql))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.UNSUPPORTED_FEATURE))
                .hasMessageStartingWith("[UNSUPPORTED_FEATURE] The feature is not supported: " + feature + ".")
                .hasMessageContaining("(line 1, pos " + pos + ")");
    }

    @Test
    void listsOfExpressionsParseIndependently() {
        List<String> parsed = List.of("a > 1", "b", "c + 1 AS d").stream().map(ExpressionParserTest::parsed).toList();
        assertThat(parsed).containsExactly("(a > 1)", "b", "(c + 1) AS d");
    }
}
