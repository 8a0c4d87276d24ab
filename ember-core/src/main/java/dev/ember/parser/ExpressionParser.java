package dev.ember.parser;

import dev.ember.error.EmberException;
import dev.ember.expr.Alias;
import dev.ember.expr.And;
import dev.ember.expr.Arithmetic;
import dev.ember.expr.CaseWhen;
import dev.ember.expr.Cast;
import dev.ember.expr.Comparison;
import dev.ember.expr.Exists;
import dev.ember.expr.Expression;
import dev.ember.expr.In;
import dev.ember.expr.InSubquery;
import dev.ember.expr.IsNull;
import dev.ember.expr.Like;
import dev.ember.expr.Literal;
import dev.ember.expr.Not;
import dev.ember.expr.Or;
import dev.ember.expr.ScalarSubquery;
import dev.ember.expr.SortOrder;
import dev.ember.expr.TryEval;
import dev.ember.expr.UnaryMinus;
import dev.ember.expr.UnaryPositive;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.expr.UnresolvedFunction;
import dev.ember.expr.UnresolvedField;
import dev.ember.expr.UnresolvedStar;
import dev.ember.expr.function.ElementAt;
import dev.ember.expr.window.WindowExpression;
import dev.ember.expr.window.WindowFrame;
import dev.ember.expr.window.WindowReference;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.sql.types.AtomicType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Expressions, by recursive descent with one method per precedence level, loosest first as in
 * Spark: {@code OR}, {@code AND}, {@code NOT}, predicates ({@code IS}, {@code BETWEEN}, {@code IN},
 * {@code LIKE}), comparisons, {@code + - ||}, {@code * / % DIV}, unary {@code - +}, postfix
 * {@code ::type}, and primaries.
 */
final class ExpressionParser {
    /** EXTRACT fields and the function each one means, with Spark's abbreviations. */
    private static final Map<String, String> EXTRACT_FIELDS = extractFields();

    private final TokenCursor cursor;
    private final DataTypeParser types;
    /** Parses a whole query at the cursor, for subqueries. */
    private final Supplier<LogicalPlan> queries;

    ExpressionParser(TokenCursor cursor, DataTypeParser types, Supplier<LogicalPlan> queries) {
        this.cursor = cursor;
        this.types = types;
        this.queries = queries;
    }

    /** {@code expression [[AS] alias]}: a select item, or the text of {@code selectExpr}. */
    Expression namedExpression() {
        Expression expression = expression();
        if (cursor.matchWord("AS")) {
            if (cursor.check(TokenType.LEFT_PAREN)) {
                throw cursor.unsupported(cursor.peek(), "aliasing an expression with several names AS (a, b)");
            }
            return new Alias(expression, cursor.identifier());
        }
        if (Keywords.canBeAlias(cursor.peek())) {
            return new Alias(expression, cursor.next().text());
        }
        return expression;
    }

    Expression expression() {
        return or();
    }

    /** {@code expression, expression, ...}. */
    List<Expression> expressionList() {
        List<Expression> list = new ArrayList<>();
        do {
            list.add(expression());
        } while (cursor.match(TokenType.COMMA));
        return list;
    }

    private Expression or() {
        Expression left = and();
        while (cursor.matchWord("OR")) {
            left = new Or(left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = not();
        while (cursor.matchWord("AND")) {
            left = new And(left, not());
        }
        return left;
    }

    private Expression not() {
        if (cursor.checkWord("NOT") || cursor.check(TokenType.BANG)) {
            cursor.next();
            return new Not(not());
        }
        return predicate(comparison());
    }

    /** At most one predicate follows a value, as in Spark's grammar. */
    private Expression predicate(Expression value) {
        if (cursor.matchWord("IS")) {
            return isPredicate(value);
        }
        boolean negated = false;
        if (cursor.checkWord("NOT") && startsNegatablePredicate(cursor.peek(1))) {
            cursor.next();
            negated = true;
        }
        Token operator = cursor.peek();
        Expression result;
        if (cursor.matchWord("BETWEEN")) {
            Expression lower = comparison();
            cursor.expectWord("AND");
            Expression upper = comparison();
            // the function between(v, lo, hi), which Spark computes as v >= lo AND v <= hi and names between(v, lo, hi)
            result = function("between", operator, value, lower, upper);
        } else if (cursor.matchWord("IN")) {
            result = in(value);
        } else if (operator.isWord("LIKE") || operator.isWord("ILIKE") || operator.isWord("RLIKE") || operator.isWord("REGEXP")) {
            cursor.next();
            result = like(value, operator);
        } else {
            return value;
        }
        return negated ? new Not(result) : result;
    }

    private static boolean startsNegatablePredicate(Token token) {
        return token.isWord("BETWEEN") || token.isWord("IN") || token.isWord("LIKE") || token.isWord("ILIKE")
                || token.isWord("RLIKE") || token.isWord("REGEXP");
    }

    /** After {@code IS}: {@code [NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM x}, the boolean ones via {@code <=>} as Spark. */
    private Expression isPredicate(Expression value) {
        boolean negated = cursor.matchWord("NOT");
        Token token = cursor.peek();
        if (cursor.matchWord("NULL") || cursor.matchWord("UNKNOWN")) {
            return new IsNull(value, negated);
        }
        if (cursor.matchWord("TRUE") || cursor.matchWord("FALSE")) {
            Expression test = new Comparison(Comparison.Operator.NULL_SAFE_EQUAL, value,
                    token.isWord("TRUE") ? Literal.TRUE : Literal.FALSE);
            return negated ? new Not(test) : test;
        }
        if (cursor.matchWord("DISTINCT")) {
            cursor.expectWord("FROM");
            Expression test = new Comparison(Comparison.Operator.NULL_SAFE_EQUAL, value, comparison());
            return negated ? test : new Not(test);
        }
        throw cursor.syntaxError(token, "");
    }

    /** After {@code IN}: a list of values or a subquery. */
    private Expression in(Expression value) {
        cursor.expect(TokenType.LEFT_PAREN);
        if (subqueryAhead()) {
            LogicalPlan plan = queries.get();
            cursor.expect(TokenType.RIGHT_PAREN);
            return new InSubquery(value, plan);
        }
        List<Expression> list = expressionList();
        cursor.expect(TokenType.RIGHT_PAREN);
        return new In(value, list);
    }

    /** {@code LIKE [ESCAPE c]}, {@code RLIKE}/{@code REGEXP}, and {@code ILIKE} as the function {@code ilike}. */
    private Expression like(Expression value, Token operator) {
        if (cursor.checkWord("ANY") || cursor.checkWord("ALL") || cursor.checkWord("SOME")) {
            throw cursor.unsupported(cursor.peek(), operator.text().toUpperCase(Locale.ROOT) + " " + cursor.peek().text().toUpperCase(Locale.ROOT));
        }
        Expression pattern = comparison();
        char escape = '\\';
        boolean regex = !operator.isWord("LIKE") && !operator.isWord("ILIKE");
        if (!regex && cursor.checkWord("ESCAPE")) {
            Token keyword = cursor.next();
            Token character = cursor.expect(TokenType.STRING);
            if (character.text().length() != 1) {
                throw cursor.syntaxError(character, ": the escape character must be a single character");
            }
            if (operator.isWord("ILIKE") && character.text().charAt(0) != escape) {
                throw cursor.unsupported(keyword, "ILIKE with an ESCAPE character");
            }
            escape = character.text().charAt(0);
        }
        if (operator.isWord("ILIKE")) {
            return function("ilike", operator, value, pattern);
        }
        return regex ? new Like(value, pattern, true) : new Like(value, pattern, escape);
    }

    /** {@code = == <> != < <= > >= <=>}, left-associative, looser than arithmetic. */
    private Expression comparison() {
        Expression left = additive();
        while (true) {
            TokenType type = cursor.peek().type();
            if (type == TokenType.NOT_EQ || type == TokenType.BANG_EQ) {
                // Spark has no inequality node: a <> b is NOT (a = b), and is named so.
                cursor.next();
                left = new Not(new Comparison(Comparison.Operator.EQUAL, left, additive()));
                continue;
            }
            Comparison.Operator operator = comparisonOperator(type);
            if (operator == null) {
                if (cursor.check(TokenType.PIPE) || cursor.check(TokenType.AMPERSAND) || cursor.check(TokenType.CARET)) {
                    throw cursor.unsupported(cursor.peek(), "bitwise operators");
                }
                return left;
            }
            cursor.next();
            left = new Comparison(operator, left, additive());
        }
    }

    private static Comparison.Operator comparisonOperator(TokenType type) {
        return switch (type) {
            case EQ, DOUBLE_EQ -> Comparison.Operator.EQUAL;
            case LT -> Comparison.Operator.LESS_THAN;
            case LTE -> Comparison.Operator.LESS_THAN_OR_EQUAL;
            case GT -> Comparison.Operator.GREATER_THAN;
            case GTE -> Comparison.Operator.GREATER_THAN_OR_EQUAL;
            case NULL_SAFE_EQ -> Comparison.Operator.NULL_SAFE_EQUAL;
            default -> null;
        };
    }

    /** {@code + - ||}: one level in Spark, so {@code 'a' || 1 + 2} is {@code concat('a', 1) + 2}. */
    private Expression additive() {
        Token start = cursor.peek();
        Expression left = multiplicative();
        while (true) {
            if (cursor.match(TokenType.PLUS)) {
                left = new Arithmetic(Arithmetic.Operator.ADD, left, multiplicative());
            } else if (cursor.match(TokenType.MINUS)) {
                left = new Arithmetic(Arithmetic.Operator.SUBTRACT, left, multiplicative());
            } else if (cursor.match(TokenType.CONCAT)) {
                left = function("concat", start, left, multiplicative());
            } else {
                return left;
            }
        }
    }

    /** {@code * / % DIV}; {@code a DIV b} is Spark's integral division, the function {@code div}. */
    private Expression multiplicative() {
        Token start = cursor.peek();
        Expression left = unary();
        while (true) {
            if (cursor.match(TokenType.STAR)) {
                left = new Arithmetic(Arithmetic.Operator.MULTIPLY, left, unary());
            } else if (cursor.match(TokenType.SLASH)) {
                left = new Arithmetic(Arithmetic.Operator.DIVIDE, left, unary());
            } else if (cursor.match(TokenType.PERCENT)) {
                left = new Arithmetic(Arithmetic.Operator.REMAINDER, left, unary());
            } else if (cursor.matchWord("DIV")) {
                left = function("div", start, left, unary());
            } else {
                return left;
            }
        }
    }

    /**
     * Unary minus and plus. A minus right before a number is part of the literal, as in Spark's
     * grammar, so that {@code -2147483648} is an int literal rather than the negation of a bigint.
     * Unary plus changes no value but keeps a node, which names the column {@code (+ x)}.
     */
    private Expression unary() {
        if (cursor.check(TokenType.MINUS)) {
            cursor.next();
            if (cursor.check(TokenType.NUMBER)) {
                return postfix(Literals.number(cursor, cursor.next(), true));
            }
            return new UnaryMinus(unary());
        }
        if (cursor.match(TokenType.PLUS)) {
            return new UnaryPositive(unary());
        }
        if (cursor.check(TokenType.TILDE)) {
            throw cursor.unsupported(cursor.peek(), "bitwise operators");
        }
        return postfix(primary());
    }

    /** {@code expr::type} (Spark 4's cast), subscripts {@code expr[i]}, {@code map[key]}, and field access {@code expr.name}. */
    private Expression postfix(Expression expression) {
        Expression result = expression;
        while (true) {
            if (cursor.match(TokenType.DOUBLE_COLON)) {
                result = new Cast(result, types.dataType());
            } else if (cursor.match(TokenType.LEFT_BRACKET)) {
                Expression index = expression();
                cursor.expect(TokenType.RIGHT_BRACKET);
                result = new ElementAt(result, index, true);
            } else if (cursor.check(TokenType.DOT) && cursor.peek(1).isIdentifier()) {
                cursor.next();
                result = new UnresolvedField(result, cursor.identifier());
            } else {
                return result;
            }
        }
    }

    private Expression primary() {
        Token token = cursor.peek();
        switch (token.type()) {
            case NUMBER:
                return Literals.number(cursor, cursor.next(), false);
            case STRING:
                return stringLiteral();
            case STAR:
                cursor.next();
                return new UnresolvedStar(List.of());
            case LEFT_PAREN:
                return parenthesized();
            case QUOTED_IDENTIFIER:
                return nameOrFunction();
            case WORD:
                return wordPrimary(token);
            default:
                throw cursor.syntaxError(token, "");
        }
    }

    /** Adjacent string literals are one: {@code 'a' 'b'} is {@code 'ab'}. */
    private Expression stringLiteral() {
        StringBuilder value = new StringBuilder(cursor.next().text());
        while (cursor.check(TokenType.STRING)) {
            value.append(cursor.next().text());
        }
        return new Literal(value.toString(), AtomicType.STRING);
    }

    /** A primary that starts with a word: a keyword form, a typed literal, a call or a column name. */
    private Expression wordPrimary(Token token) {
        boolean call = cursor.peek(1).is(TokenType.LEFT_PAREN);
        boolean typedLiteral = cursor.peek(1).is(TokenType.STRING);
        String word = token.text().toUpperCase(Locale.ROOT);
        switch (word) {
            case "TRUE", "FALSE", "NULL" -> {
                cursor.next();
                return word.equals("NULL") ? Literal.NULL : word.equals("TRUE") ? Literal.TRUE : Literal.FALSE;
            }
            case "CASE" -> {
                return caseWhen();
            }
            case "CAST" -> {
                if (call) {
                    return cast();
                }
            }
            case "TRY_CAST" -> {
                if (call) {
                    return new TryEval(cast());
                }
            }
            case "EXTRACT" -> {
                if (call) {
                    return extract();
                }
            }
            case "SUBSTRING", "SUBSTR" -> {
                if (call) {
                    return substring();
                }
            }
            case "TRIM" -> {
                if (call) {
                    return trim();
                }
            }
            case "POSITION" -> {
                if (call) {
                    return position();
                }
            }
            case "EXISTS" -> {
                if (call && Keywords.startsQuery(cursor.peek(2))) {
                    cursor.next();
                    cursor.next();
                    LogicalPlan plan = queries.get();
                    cursor.expect(TokenType.RIGHT_PAREN);
                    return new Exists(plan);
                }
            }
            case "DATE" -> {
                if (typedLiteral) {
                    cursor.next();
                    return Literals.date(cursor, token, cursor.next().text());
                }
            }
            case "TIMESTAMP", "TIMESTAMP_LTZ" -> {
                if (typedLiteral) {
                    cursor.next();
                    return Literals.timestamp(cursor, token, cursor.next().text());
                }
            }
            case "TIMESTAMP_NTZ" -> {
                if (typedLiteral) {
                    throw cursor.unsupported(token, "TIMESTAMP_NTZ literals (Ember has no TIMESTAMP_NTZ type yet)");
                }
            }
            case "X" -> {
                if (typedLiteral) {
                    throw cursor.unsupported(token, "binary literals");
                }
            }
            case "INTERVAL" -> {
                if (typedLiteral || cursor.peek(1).is(TokenType.NUMBER) || cursor.peek(1).is(TokenType.MINUS)) {
                    return interval();
                }
            }
            case "CURRENT_DATE" -> {
                if (!call) {
                    cursor.next();
                    return function("current_date", token);
                }
            }
            case "CURRENT_TIMESTAMP" -> {
                if (!call) {
                    cursor.next();
                    return function("current_timestamp", token);
                }
            }
            default -> {
                // a plain name or call
            }
        }
        if (!Keywords.canBeColumn(token)) {
            throw cursor.syntaxError(token, "");
        }
        return nameOrFunction();
    }

    /** {@code a}, {@code t.a}, {@code t.*}, {@code f(args)}, {@code db.f(args)}. */
    private Expression nameOrFunction() {
        Token first = cursor.peek();
        List<String> parts = new ArrayList<>();
        parts.add(cursor.identifier());
        while (cursor.check(TokenType.DOT)) {
            if (cursor.peek(1).is(TokenType.STAR)) {
                cursor.next();
                cursor.next();
                return new UnresolvedStar(parts);
            }
            cursor.next();
            parts.add(cursor.identifier());
        }
        if (cursor.check(TokenType.LEFT_PAREN)) {
            return functionCall(String.join(".", parts), first);
        }
        return new UnresolvedAttribute(parts, cursor.position(first));
    }

    /** {@code name([DISTINCT | ALL] args)}; {@code count(*)} becomes {@code count(1)} as in Spark. */
    private Expression functionCall(String name, Token first) {
        cursor.expect(TokenType.LEFT_PAREN);
        boolean distinct = cursor.matchWord("DISTINCT");
        if (!distinct) {
            cursor.matchWord("ALL");
        }
        List<Expression> arguments = new ArrayList<>();
        if (cursor.check(TokenType.STAR) && cursor.peek(1).is(TokenType.RIGHT_PAREN)) {
            cursor.next();
            arguments.add(name.equalsIgnoreCase("count") && !distinct
                    ? new Literal(1, AtomicType.INT) : new UnresolvedStar(List.of()));
        } else if (!cursor.check(TokenType.RIGHT_PAREN)) {
            do {
                Expression argument = argument();
                // struct(a AS x, ...) names its fields; Spark's grammar allows an alias on any argument.
                arguments.add(cursor.matchWord("AS") ? new Alias(argument, cursor.identifier()) : argument);
            } while (cursor.match(TokenType.COMMA));
        }
        cursor.expect(TokenType.RIGHT_PAREN);
        UnresolvedFunction call = new UnresolvedFunction(name, arguments, distinct, cursor.position(first));
        return callModifiers(call);
    }

    private Expression argument() {
        Expression argument = expression();
        if (cursor.check(TokenType.ARROW)) {
            throw cursor.unsupported(cursor.peek(), "lambda functions");
        }
        if (cursor.check(TokenType.FAT_ARROW)) {
            throw cursor.unsupported(cursor.peek(), "named function arguments");
        }
        return argument;
    }

    /** What may follow a call's closing parenthesis: {@code FILTER (WHERE ...)}, {@code IGNORE NULLS}, {@code OVER (...)}. */
    private Expression callModifiers(UnresolvedFunction call) {
        if (cursor.checkWord("FILTER") && cursor.peek(1).is(TokenType.LEFT_PAREN)) {
            cursor.next();
            cursor.next();
            cursor.expectWord("WHERE");
            Expression condition = expression();
            cursor.expect(TokenType.RIGHT_PAREN);
            call = call.withFilter(condition);
        }
        if ((cursor.checkWord("IGNORE") || cursor.checkWord("RESPECT")) && cursor.checkWord(1, "NULLS")) {
            throw cursor.unsupported(cursor.peek(), cursor.peek().text().toUpperCase(Locale.ROOT) + " NULLS");
        }
        if (cursor.matchWord("OVER")) {
            return window(call);
        }
        return call;
    }

    /** {@code f(...) OVER (PARTITION BY ... ORDER BY ... [frame])}, or {@code OVER name} of a window the WINDOW clause defines. */
    private Expression window(UnresolvedFunction call) {
        if (!cursor.check(TokenType.LEFT_PAREN)) {
            return new WindowReference(call, cursor.identifier());
        }
        return windowSpecification().over(call);
    }

    /** A window specification, not yet applied to a function: the part of an OVER clause in parentheses. */
    record WindowSpecification(List<Expression> partitionBy, List<SortOrder> orderBy, WindowFrame frame) {
        Expression over(Expression function) {
            return new WindowExpression(function, partitionBy, orderBy, frame);
        }
    }

    /** {@code (PARTITION BY ... ORDER BY ... [frame])}. */
    WindowSpecification windowSpecification() {
        cursor.expect(TokenType.LEFT_PAREN);
        List<Expression> partitionBy = new ArrayList<>();
        if (cursor.checkWord("PARTITION") || cursor.checkWord("DISTRIBUTE")) {
            cursor.next();
            cursor.expectWord("BY");
            partitionBy.addAll(expressionList());
        }
        List<SortOrder> orderBy = new ArrayList<>();
        if (cursor.checkWord("ORDER") || cursor.checkWord("SORT")) {
            cursor.next();
            cursor.expectWord("BY");
            do {
                orderBy.add(sortOrder());
            } while (cursor.match(TokenType.COMMA));
        }
        WindowFrame frame = null;
        String frameType = cursor.matchAnyWord("ROWS", "RANGE");
        if (frameType != null) {
            WindowFrame.Type type = WindowFrame.Type.valueOf(frameType.toUpperCase(Locale.ROOT));
            FrameBound lower;
            FrameBound upper = new FrameBound(WindowFrame.CURRENT_ROW, null);
            if (cursor.matchWord("BETWEEN")) {
                lower = frameBound(type);
                cursor.expectWord("AND");
                upper = frameBound(type);
            } else {
                lower = frameBound(type);
            }
            frame = new WindowFrame(type, lower.offset(), upper.offset(), false, lower.value(), upper.value());
        }
        cursor.expect(TokenType.RIGHT_PAREN);
        return new WindowSpecification(partitionBy, orderBy, frame);
    }

    /** A parsed frame bound: a row offset or marker of {@link WindowFrame}, and a RANGE frame's value offset. */
    private record FrameBound(long offset, Expression value) {
    }

    /**
     * {@code UNBOUNDED PRECEDING | UNBOUNDED FOLLOWING | CURRENT ROW | n PRECEDING | n FOLLOWING}: in a
     * ROWS frame n is a row count (an integer literal), in a RANGE frame a distance in the ORDER BY
     * key's values (a number or an interval, checked by the analyzer).
     */
    private FrameBound frameBound(WindowFrame.Type type) {
        Token start = cursor.peek();
        if (cursor.matchWord("UNBOUNDED")) {
            return new FrameBound(cursor.matchWord("PRECEDING") ? WindowFrame.UNBOUNDED_PRECEDING
                    : expectFollowing(WindowFrame.UNBOUNDED_FOLLOWING), null);
        }
        if (cursor.matchWord("CURRENT")) {
            cursor.expectWord("ROW");
            return new FrameBound(WindowFrame.CURRENT_ROW, null);
        }
        Expression value = expression();
        if (type == WindowFrame.Type.RANGE) {
            return new FrameBound(cursor.matchWord("PRECEDING") ? WindowFrame.VALUE_PRECEDING
                    : expectFollowing(WindowFrame.VALUE_FOLLOWING), value);
        }
        if (!(value instanceof Literal literal) || !(literal.value() instanceof Integer || literal.value() instanceof Long)) {
            throw cursor.syntaxError(start, ": a ROWS frame bound must be UNBOUNDED, CURRENT ROW or an integer literal");
        }
        long offset = ((Number) literal.value()).longValue();
        return new FrameBound(cursor.matchWord("PRECEDING") ? -offset : expectFollowing(offset), null);
    }

    private long expectFollowing(long offset) {
        cursor.expectWord("FOLLOWING");
        return offset;
    }

    /** {@code expr [ASC | DESC] [NULLS FIRST | LAST]}; NULLs come first ascending and last descending by default. */
    SortOrder sortOrder() {
        Expression key = expression();
        boolean ascending = !cursor.matchWord("DESC");
        if (ascending) {
            cursor.matchWord("ASC");
        }
        boolean nullsFirst = ascending;
        if (cursor.matchWord("NULLS")) {
            if (cursor.matchWord("FIRST")) {
                nullsFirst = true;
            } else {
                cursor.expectWord("LAST");
                nullsFirst = false;
            }
        }
        return new SortOrder(key, ascending, nullsFirst);
    }

    /** {@code (query)}, {@code (expression)}, or {@code (a, b)}, a row that Spark builds as a struct. */
    private Expression parenthesized() {
        Token open = cursor.next();
        if (subqueryAhead()) {
            LogicalPlan plan = queries.get();
            cursor.expect(TokenType.RIGHT_PAREN);
            return new ScalarSubquery(plan);
        }
        Expression first = expression();
        if (cursor.match(TokenType.COMMA)) {
            List<Expression> fields = new ArrayList<>();
            fields.add(first);
            fields.addAll(expressionList());
            cursor.expect(TokenType.RIGHT_PAREN);
            return new UnresolvedFunction("struct", fields, false, cursor.position(open));
        }
        cursor.expect(TokenType.RIGHT_PAREN);
        return first;
    }

    /**
     * Whether a query starts at the cursor (just after a {@code (}). {@code ((SELECT 1) + 1)} and
     * {@code ((SELECT 1) UNION (SELECT 2))} only differ after the inner parentheses, so when
     * parentheses lead to a query keyword the query is tried first and the cursor moved back if it fails.
     */
    private boolean subqueryAhead() {
        if (Keywords.startsQuery(cursor.peek())) {
            return true;
        }
        int ahead = 0;
        while (cursor.peek(ahead).is(TokenType.LEFT_PAREN)) {
            ahead++;
        }
        if (ahead == 0 || !Keywords.startsQuery(cursor.peek(ahead))) {
            return false;
        }
        int mark = cursor.mark();
        try {
            queries.get();
            return cursor.check(TokenType.RIGHT_PAREN);
        } catch (EmberException e) {
            return false;
        } finally {
            cursor.reset(mark);
        }
    }

    /** {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}; with an operand each WHEN is {@code operand = value}. */
    private Expression caseWhen() {
        cursor.next();
        Expression operand = cursor.checkWord("WHEN") ? null : expression();
        List<Expression> conditions = new ArrayList<>();
        List<Expression> values = new ArrayList<>();
        while (cursor.matchWord("WHEN")) {
            Expression condition = expression();
            conditions.add(operand == null ? condition : new Comparison(Comparison.Operator.EQUAL, operand, condition));
            cursor.expectWord("THEN");
            values.add(expression());
        }
        if (conditions.isEmpty()) {
            throw cursor.syntaxError(cursor.peek(), ": missing 'WHEN'");
        }
        Expression elseValue = cursor.matchWord("ELSE") ? expression() : null;
        cursor.expectWord("END");
        return new CaseWhen(conditions, values, elseValue);
    }

    private Expression cast() {
        cursor.next();
        cursor.expect(TokenType.LEFT_PAREN);
        Expression value = expression();
        cursor.expectWord("AS");
        Cast cast = new Cast(value, types.dataType());
        cursor.expect(TokenType.RIGHT_PAREN);
        return cast;
    }

    /** {@code INTERVAL [-]'value' unit [TO unit]} or {@code INTERVAL [-]number unit}. */
    private Expression interval() {
        Token keyword = cursor.next();
        boolean negative = cursor.match(TokenType.MINUS);
        Token value = cursor.next();
        if (!value.is(TokenType.STRING) && !value.is(TokenType.NUMBER)) {
            throw cursor.syntaxError(value, ": expected the interval's value");
        }
        String unit = cursor.identifier();
        String endUnit = cursor.matchWord("TO") ? cursor.identifier() : null;
        return Literals.interval(cursor, keyword, value.text(), negative, unit, endUnit);
    }

    /** {@code EXTRACT(field FROM source)} as the function that computes the field: {@code year(source)}. */
    private Expression extract() {
        Token keyword = cursor.next();
        cursor.expect(TokenType.LEFT_PAREN);
        Token fieldToken = cursor.peek();
        String field = cursor.identifier().toUpperCase(Locale.ROOT);
        cursor.expectWord("FROM");
        Expression source = expression();
        cursor.expect(TokenType.RIGHT_PAREN);
        if (field.equals("DAYOFWEEK_ISO") || field.equals("DOW_ISO")) {
            // Monday = 1 ... Sunday = 7, which is weekday (Monday = 0) plus one.
            return new Arithmetic(Arithmetic.Operator.ADD, function("weekday", keyword, source), new Literal(1, AtomicType.INT));
        }
        String function = EXTRACT_FIELDS.get(field);
        if (function == null) {
            throw cursor.syntaxError(fieldToken, ": EXTRACT does not know the field " + cursor.describe(fieldToken));
        }
        return function(function, keyword, source);
    }

    /** {@code SUBSTRING(s FROM pos [FOR len])} or the usual {@code substring(s, pos[, len])}. */
    private Expression substring() {
        Token name = cursor.next();
        cursor.expect(TokenType.LEFT_PAREN);
        List<Expression> arguments = new ArrayList<>();
        arguments.add(argument());
        if (cursor.matchWord("FROM")) {
            arguments.add(expression());
            if (cursor.matchWord("FOR")) {
                arguments.add(expression());
            }
        } else {
            while (cursor.match(TokenType.COMMA)) {
                arguments.add(argument());
            }
        }
        cursor.expect(TokenType.RIGHT_PAREN);
        return callModifiers(new UnresolvedFunction(name.text(), arguments, false, cursor.position(name)));
    }

    /**
     * {@code TRIM([BOTH | LEADING | TRAILING] [chars] FROM s)} as {@code trim}, {@code ltrim} or
     * {@code rtrim}; with characters the arguments are {@code (chars, s)}, the order of Spark's
     * two-argument trim functions. {@code trim(s)} is an ordinary call.
     */
    private Expression trim() {
        Token name = cursor.next();
        cursor.expect(TokenType.LEFT_PAREN);
        String side = cursor.matchAnyWord("BOTH", "LEADING", "TRAILING");
        Expression characters = null;
        Expression source;
        if (side != null && cursor.matchWord("FROM")) {
            source = expression();
        } else {
            Expression first = expression();
            if (side != null || cursor.checkWord("FROM")) {
                cursor.expectWord("FROM");
                characters = first;
                source = expression();
            } else {
                List<Expression> arguments = new ArrayList<>();
                arguments.add(first);
                while (cursor.match(TokenType.COMMA)) {
                    arguments.add(argument());
                }
                cursor.expect(TokenType.RIGHT_PAREN);
                return callModifiers(new UnresolvedFunction(name.text(), arguments, false, cursor.position(name)));
            }
        }
        cursor.expect(TokenType.RIGHT_PAREN);
        String function = side == null || side.equals("BOTH") ? "trim" : side.equals("LEADING") ? "ltrim" : "rtrim";
        List<Expression> arguments = characters == null ? List.of(source) : List.of(characters, source);
        return new UnresolvedFunction(function, arguments, false, cursor.position(name));
    }

    /** {@code POSITION(needle IN haystack)} as {@code locate(needle, haystack)}; {@code position(a, b)} is an ordinary call. */
    private Expression position() {
        Token name = cursor.next();
        cursor.expect(TokenType.LEFT_PAREN);
        int afterParen = cursor.mark();
        // the needle is a value, not a predicate, or IN would be read as the IN predicate
        Expression needle = comparison();
        if (cursor.matchWord("IN")) {
            Expression haystack = comparison();
            cursor.expect(TokenType.RIGHT_PAREN);
            return function("locate", name, needle, haystack);
        }
        cursor.reset(afterParen);
        List<Expression> arguments = new ArrayList<>();
        do {
            arguments.add(argument());
        } while (cursor.match(TokenType.COMMA));
        cursor.expect(TokenType.RIGHT_PAREN);
        return callModifiers(new UnresolvedFunction(name.text(), arguments, false, cursor.position(name)));
    }

    private UnresolvedFunction function(String name, Token at, Expression... arguments) {
        return new UnresolvedFunction(name, List.of(arguments), false, cursor.position(at));
    }

    private static Map<String, String> extractFields() {
        Map<String, String> fields = new HashMap<>();
        for (String alias : List.of("YEAR", "Y", "YEARS", "YR", "YRS")) {
            fields.put(alias, "year");
        }
        for (String alias : List.of("QUARTER", "QTR")) {
            fields.put(alias, "quarter");
        }
        for (String alias : List.of("MONTH", "MON", "MONS", "MONTHS")) {
            fields.put(alias, "month");
        }
        for (String alias : List.of("WEEK", "W", "WEEKS")) {
            fields.put(alias, "weekofyear");
        }
        for (String alias : List.of("DAY", "D", "DAYS", "DAYOFMONTH")) {
            fields.put(alias, "day");
        }
        for (String alias : List.of("DAYOFWEEK", "DOW")) {
            fields.put(alias, "dayofweek");
        }
        fields.put("DOY", "dayofyear");
        for (String alias : List.of("HOUR", "H", "HOURS", "HR", "HRS")) {
            fields.put(alias, "hour");
        }
        for (String alias : List.of("MINUTE", "M", "MIN", "MINS", "MINUTES")) {
            fields.put(alias, "minute");
        }
        for (String alias : List.of("SECOND", "S", "SEC", "SECONDS", "SECS")) {
            fields.put(alias, "second");
        }
        return Map.copyOf(fields);
    }
}
