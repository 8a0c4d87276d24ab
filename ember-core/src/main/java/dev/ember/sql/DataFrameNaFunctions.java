package dev.ember.sql;

import dev.ember.expr.Alias;
import dev.ember.expr.AtLeastNNonNulls;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.CaseWhen;
import dev.ember.expr.Cast;
import dev.ember.expr.Expression;
import dev.ember.expr.Literal;
import dev.ember.expr.UnresolvedAttribute;
import dev.ember.expr.function.Coalesce;
import dev.ember.analysis.Expressions;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Missing values, as Spark's {@code DataFrameNaFunctions} ({@code df.na()}): {@code fill} replaces
 * NULL (and NaN in float and double columns) in the columns whose type fits the value;
 * {@code drop} removes rows with too few values that are neither NULL nor NaN.
 */
public final class DataFrameNaFunctions {
    private final DataFrame frame;

    DataFrameNaFunctions(DataFrame frame) {
        this.frame = frame;
    }

    // ---- drop

    /** Drops the rows with a NULL or NaN in any column. */
    public DataFrame drop() {
        return drop("any");
    }

    /** {@code how}: "any" drops rows with a NULL or NaN in any column, "all" rows with only NULLs and NaNs. */
    public DataFrame drop(String how) {
        return drop(how, frame.columns());
    }

    public DataFrame drop(String[] columns) {
        return drop("any", columns);
    }

    public DataFrame drop(String how, String[] columns) {
        return switch (how.toLowerCase(Locale.ROOT)) {
            case "any" -> drop(columns.length, columns);
            case "all" -> drop(1, columns);
            default -> throw new IllegalArgumentException("how (" + how + ") must be 'any' or 'all'");
        };
    }

    /** Drops the rows with fewer than {@code minNonNulls} values that are neither NULL nor NaN. */
    public DataFrame drop(int minNonNulls) {
        return drop(minNonNulls, frame.columns());
    }

    public DataFrame drop(int minNonNulls, String[] columns) {
        List<Expression> checked = new ArrayList<>(resolve(columns));
        return frame.filter(new Column(new AtLeastNNonNulls(minNonNulls, checked)));
    }

    // ---- fill

    /** Replaces NULL and NaN in numeric columns by the value, cast to each column's type. */
    public DataFrame fill(long value) {
        return fill(value, frame.columns());
    }

    public DataFrame fill(double value) {
        return fill(value, frame.columns());
    }

    /** Replaces NULL in string columns. */
    public DataFrame fill(String value) {
        return fill(value, frame.columns());
    }

    /** Replaces NULL in boolean columns. */
    public DataFrame fill(boolean value) {
        return fill(value, frame.columns());
    }

    public DataFrame fill(long value, String[] columns) {
        return fillWhere(DataType::isNumeric, value, columns);
    }

    public DataFrame fill(double value, String[] columns) {
        return fillWhere(DataType::isNumeric, value, columns);
    }

    public DataFrame fill(String value, String[] columns) {
        return fillWhere(type -> type == AtomicType.STRING, value, columns);
    }

    public DataFrame fill(boolean value, String[] columns) {
        return fillWhere(type -> type == AtomicType.BOOLEAN, value, columns);
    }

    /** A value per column name; each value must suit its column (number, string or boolean). */
    public DataFrame fill(Map<String, Object> valuesByColumn) {
        DataFrame result = frame;
        for (Map.Entry<String, Object> entry : valuesByColumn.entrySet()) {
            String[] column = {entry.getKey()};
            Object value = entry.getValue();
            if (value instanceof Integer || value instanceof Long) {
                result = result.na().fill(((Number) value).longValue(), column);
            } else if (value instanceof Float || value instanceof Double) {
                result = result.na().fill(((Number) value).doubleValue(), column);
            } else if (value instanceof String string) {
                result = result.na().fill(string, column);
            } else if (value instanceof Boolean bool) {
                result = result.na().fill((boolean) bool, column);
            } else {
                throw new IllegalArgumentException("Unsupported value type " + value.getClass().getName() + " (" + value + ").");
            }
        }
        return result;
    }

    /** Every column in place; the named ones whose type fits replaced by coalesce(column, value cast to its type). */
    private DataFrame fillWhere(Predicate<DataType> fits, Object value, String[] columns) {
        List<AttributeReference> targets = resolve(columns);
        List<Column> projection = new ArrayList<>();
        for (AttributeReference attribute : frame.logicalPlan().output()) {
            DataType type = attribute.dataType();
            if (!targets.contains(attribute) || !fits.test(type)) {
                projection.add(new Column(attribute));
                continue;
            }
            Expression current = attribute;
            if (type == AtomicType.DOUBLE || type == AtomicType.FLOAT) {
                // NaN counts as missing: CASE WHEN it is a value THEN it END
                current = new CaseWhen(List.of(new AtLeastNNonNulls(1, List.of(attribute))), List.of(attribute), null);
            }
            Expression filled = new Coalesce(List.of(current, new Cast(Literal.of(value), type)));
            projection.add(new Column(new Alias(filled, attribute.name())));
        }
        return frame.select(projection.toArray(Column[]::new));
    }

    private List<AttributeReference> resolve(String[] columns) {
        List<AttributeReference> resolved = new ArrayList<>();
        for (String name : columns) {
            resolved.add(Expressions.resolveAttribute(new UnresolvedAttribute(Column.nameParts(name), null), frame.logicalPlan().output()));
        }
        return resolved;
    }
}
