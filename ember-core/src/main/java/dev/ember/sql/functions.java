package dev.ember.sql;

import dev.ember.expr.Literal;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.expr.UnresolvedFunction;
import dev.ember.parser.SqlParser;
import java.util.Arrays;
import java.util.List;

/** The functions of the DataFrame API, named as Spark's {@code org.apache.spark.sql.functions}. */
public final class functions {
    private functions() {
    }

    /**
     * A column by name, as Spark reads names: {@code "t.a"} is column a of t, back-quotes quote
     * parts with dots, anything else is taken literally ({@code col("(a + 1)")}); {@code "*"} and
     * {@code "t.*"} are stars.
     */
    public static Column col(String name) {
        if (name.equals("*")) {
            return new Column(new dev.ember.expr.UnresolvedStar(List.of()));
        }
        if (name.endsWith(".*")) {
            return new Column(new dev.ember.expr.UnresolvedStar(Column.nameParts(name.substring(0, name.length() - 2))));
        }
        return new Column(new UnresolvedAttribute(Column.nameParts(name), null));
    }

    public static Column column(String name) {
        return col(name);
    }

    public static Column lit(Object value) {
        return new Column(Literal.of(value));
    }

    /** A column from SQL expression text: {@code expr("a + 1")}. */
    public static Column expr(String sql) {
        return new Column(SqlParser.parseExpression(sql));
    }

    static Column call(String name, Column... arguments) {
        return new Column(new UnresolvedFunction(name, Arrays.stream(arguments).map(Column::expr).toList(), false, null));
    }

    private static Column callDistinct(String name, Column... arguments) {
        return new Column(new UnresolvedFunction(name, Arrays.stream(arguments).map(Column::expr).toList(), true, null));
    }

    public static Column not(Column column) {
        return Column.not(column);
    }

    public static Column count(Column column) {
        return call("count", column);
    }

    public static Column count(String column) {
        return column.equals("*") ? call("count", lit(1)) : count(col(column));
    }

    public static Column countDistinct(Column column, Column... more) {
        Column[] all = new Column[more.length + 1];
        all[0] = column;
        System.arraycopy(more, 0, all, 1, more.length);
        return callDistinct("count", all);
    }

    public static Column sum(Column column) {
        return call("sum", column);
    }

    public static Column sum(String column) {
        return sum(col(column));
    }

    public static Column avg(Column column) {
        return call("avg", column);
    }

    public static Column avg(String column) {
        return avg(col(column));
    }

    public static Column mean(String column) {
        return call("mean", col(column));
    }

    public static Column min(Column column) {
        return call("min", column);
    }

    public static Column min(String column) {
        return min(col(column));
    }

    public static Column max(Column column) {
        return call("max", column);
    }

    public static Column max(String column) {
        return max(col(column));
    }

    public static Column upper(Column column) {
        return call("upper", column);
    }

    public static Column lower(Column column) {
        return call("lower", column);
    }

    public static Column trim(Column column) {
        return call("trim", column);
    }

    public static Column length(Column column) {
        return call("length", column);
    }

    public static Column concat(Column... columns) {
        return call("concat", columns);
    }

    public static Column concat_ws(String separator, Column... columns) {
        Column[] all = new Column[columns.length + 1];
        all[0] = lit(separator);
        System.arraycopy(columns, 0, all, 1, columns.length);
        return call("concat_ws", all);
    }

    public static Column substring(Column column, int position, int length) {
        return call("substring", column, lit(position), lit(length));
    }

    public static Column split(Column column, String regex) {
        return call("split", column, lit(regex));
    }

    public static Column explode(Column column) {
        return call("explode", column);
    }

    public static Column posexplode(Column column) {
        return call("posexplode", column);
    }

    public static Column coalesce(Column... columns) {
        return call("coalesce", columns);
    }

    public static Column asc(String column) {
        return col(column).asc();
    }

    public static Column desc(String column) {
        return col(column).desc();
    }

    // ---- added with the DataFrame API completion: conditions, sort shortcuts, dispersion

    /** {@code CASE WHEN condition THEN value}; more branches with {@link Column#when}, the rest with {@link Column#otherwise}. */
    public static Column when(Column condition, Object value) {
        return new Column(new dev.ember.expr.CaseWhen(List.of(condition.expr()), List.of(Column.toExpression(value)), null));
    }

    public static Column asc_nulls_first(String column) {
        return col(column).asc_nulls_first();
    }

    public static Column asc_nulls_last(String column) {
        return col(column).asc_nulls_last();
    }

    public static Column desc_nulls_first(String column) {
        return col(column).desc_nulls_first();
    }

    public static Column desc_nulls_last(String column) {
        return col(column).desc_nulls_last();
    }

    /** The sample standard deviation, as {@code stddev}. */
    public static Column stddev(Column column) {
        return call("stddev", column);
    }

    public static Column stddev(String column) {
        return stddev(col(column));
    }

    public static Column stddev_samp(Column column) {
        return call("stddev_samp", column);
    }

    public static Column stddev_pop(Column column) {
        return call("stddev_pop", column);
    }

    public static Column variance(Column column) {
        return call("variance", column);
    }

    public static Column var_samp(Column column) {
        return call("var_samp", column);
    }

    public static Column var_pop(Column column) {
        return call("var_pop", column);
    }
}
