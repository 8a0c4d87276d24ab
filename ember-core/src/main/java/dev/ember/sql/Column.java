package dev.ember.sql;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Alias;
import dev.ember.expr.And;
import dev.ember.expr.Arithmetic;
import dev.ember.expr.CaseWhen;
import dev.ember.expr.Cast;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.In;
import dev.ember.expr.IsNull;
import dev.ember.expr.Like;
import dev.ember.expr.Literal;
import dev.ember.expr.Not;
import dev.ember.expr.Or;
import dev.ember.expr.SortOrder;
import dev.ember.expr.UnaryMinus;
import dev.ember.parser.SqlParser;
import dev.ember.sql.expressions.Window;
import dev.ember.sql.expressions.WindowSpec;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A column expression of the DataFrame API, as Spark's {@code Column}: immutable, built with operators and {@link functions}. */
public final class Column {
    private final Expression expression;

    public Column(Expression expression) {
        this.expression = requireNonNull(expression, "expression is null");
    }

    /** The expression tree this column stands for. */
    public Expression expr() {
        return expression;
    }

    static Expression toExpression(Object value) {
        return value instanceof Column column ? column.expression : Literal.of(value);
    }

    private Column binary(Arithmetic.Operator operator, Object other) {
        return new Column(new Arithmetic(operator, expression, toExpression(other)));
    }

    private Column compare(Comparison.Operator operator, Object other) {
        return new Column(new Comparison(operator, expression, toExpression(other)));
    }

    public Column plus(Object other) {
        return binary(Arithmetic.Operator.ADD, other);
    }

    public Column minus(Object other) {
        return binary(Arithmetic.Operator.SUBTRACT, other);
    }

    public Column multiply(Object other) {
        return binary(Arithmetic.Operator.MULTIPLY, other);
    }

    public Column divide(Object other) {
        return binary(Arithmetic.Operator.DIVIDE, other);
    }

    public Column mod(Object other) {
        return binary(Arithmetic.Operator.REMAINDER, other);
    }

    public Column unary_minus() {
        return new Column(new UnaryMinus(expression));
    }

    public Column equalTo(Object other) {
        return compare(Comparison.Operator.EQUAL, other);
    }

    public Column notEqual(Object other) {
        return compare(Comparison.Operator.NOT_EQUAL, other);
    }

    public Column gt(Object other) {
        return compare(Comparison.Operator.GREATER_THAN, other);
    }

    public Column geq(Object other) {
        return compare(Comparison.Operator.GREATER_THAN_OR_EQUAL, other);
    }

    public Column lt(Object other) {
        return compare(Comparison.Operator.LESS_THAN, other);
    }

    public Column leq(Object other) {
        return compare(Comparison.Operator.LESS_THAN_OR_EQUAL, other);
    }

    public Column eqNullSafe(Object other) {
        return compare(Comparison.Operator.NULL_SAFE_EQUAL, other);
    }

    public Column and(Column other) {
        return new Column(new And(expression, other.expression));
    }

    public Column or(Column other) {
        return new Column(new Or(expression, other.expression));
    }

    public Column isNull() {
        return new Column(new IsNull(expression, false));
    }

    public Column isNotNull() {
        return new Column(new IsNull(expression, true));
    }

    public Column isin(Object... values) {
        return new Column(new In(expression, Arrays.stream(values).map(Column::toExpression).toList()));
    }

    public Column like(String pattern) {
        return new Column(new Like(expression, Literal.of(pattern), false));
    }

    public Column rlike(String regex) {
        return new Column(new Like(expression, Literal.of(regex), true));
    }

    public Column between(Object lower, Object upper) {
        return geq(lower).and(leq(upper));
    }

    /** Another branch of a {@code when(..)} column: {@code when(a, 1).when(b, 2)}. */
    public Column when(Column condition, Object value) {
        CaseWhen open = openCaseWhen("when()");
        List<Expression> conditions = new ArrayList<>(open.conditions());
        List<Expression> values = new ArrayList<>(open.values());
        conditions.add(condition.expression);
        values.add(toExpression(value));
        return new Column(new CaseWhen(conditions, values, null));
    }

    /** The value of a {@code when(..)} column where no branch matched (NULL without it). */
    public Column otherwise(Object value) {
        CaseWhen open = openCaseWhen("otherwise()");
        return new Column(new CaseWhen(open.conditions(), open.values(), toExpression(value)));
    }

    private CaseWhen openCaseWhen(String method) {
        if (!(expression instanceof CaseWhen caseWhen)) {
            throw new IllegalArgumentException(method + " can only be applied on a Column previously generated by when() function");
        }
        if (caseWhen.elseValue() != null) {
            throw new IllegalArgumentException(method + " cannot be applied once otherwise() is applied");
        }
        return caseWhen;
    }

    /** A field of a struct column, as Spark's {@code getField}. */
    public Column getField(String fieldName) {
        return new Column(new dev.ember.expr.UnresolvedField(expression, fieldName));
    }

    /** An array's element (from 0) or a map's value by key, as Spark's {@code getItem}: {@code col[key]}. */
    public Column getItem(Object key) {
        return new Column(new dev.ember.expr.function.ElementAt(expression, Literal.of(key), true));
    }

    /** {@code getItem}, or {@code getField} for a string on a struct (resolved once the type is known), as Spark's {@code apply}. */
    public Column apply(Object key) {
        return getItem(key);
    }

    public Column alias(String name) {
        return new Column(new Alias(expression, name));
    }

    public Column as(String name) {
        return alias(name);
    }

    public Column name(String name) {
        return alias(name);
    }

    public Column cast(DataType type) {
        return new Column(new Cast(expression, type));
    }

    /** Casts to a type written as SQL: {@code "int"}, {@code "decimal(10,2)"}. */
    public Column cast(String type) {
        return cast(SqlParser.parseDataType(type));
    }

    /** This function computed over a window: {@code rank().over(Window.partitionBy("k").orderBy("v"))}. */
    public Column over(WindowSpec window) {
        return new Column(window.over(expression));
    }

    /** This function over the whole result as one window. */
    public Column over() {
        return over(Window.partitionBy());
    }

    public Column asc() {
        return new Column(new SortOrder(expression, true, true));
    }

    public Column asc_nulls_first() {
        return asc();
    }

    public Column asc_nulls_last() {
        return new Column(new SortOrder(expression, true, false));
    }

    public Column desc() {
        return new Column(new SortOrder(expression, false, false));
    }

    public Column desc_nulls_first() {
        return new Column(new SortOrder(expression, false, true));
    }

    public Column desc_nulls_last() {
        return desc();
    }

    /**
     * The parts of a column name as the DataFrame API writes it: split at dots outside back-quotes,
     * {@code ``} inside back-quotes is one back-quote, every other character is literal.
     */
    static List<String> nameParts(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (quoted) {
                if (c != '`') {
                    part.append(c);
                } else if (i + 1 < name.length() && name.charAt(i + 1) == '`') {
                    part.append('`');
                    i++;
                } else {
                    quoted = false;
                    if (i + 1 < name.length() && name.charAt(i + 1) != '.') {
                        throw invalidName(name);
                    }
                }
            } else if (c == '`') {
                if (part.length() > 0) {
                    throw invalidName(name);
                }
                quoted = true;
            } else if (c == '.') {
                if (part.length() == 0 && (i == 0 || name.charAt(i - 1) != '`')) {
                    throw invalidName(name);
                }
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (quoted || part.length() == 0 && (name.isEmpty() || name.charAt(name.length() - 1) == '.')) {
            throw invalidName(name);
        }
        parts.add(part.toString());
        return parts;
    }

    private static EmberException invalidName(String name) {
        return EmberException.of(ErrorClass.INVALID_ATTRIBUTE_NAME_SYNTAX, "name", name);
    }

    static Column not(Column column) {
        return new Column(new Not(column.expression));
    }

    @Override
    public String toString() {
        return expression.toString();
    }
}
