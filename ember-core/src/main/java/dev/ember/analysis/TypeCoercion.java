package dev.ember.analysis;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.And;
import dev.ember.expr.Arithmetic;
import dev.ember.expr.CaseWhen;
import dev.ember.expr.Cast;
import dev.ember.expr.Casts;
import dev.ember.expr.Comparison;
import dev.ember.expr.Expression;
import dev.ember.expr.In;
import dev.ember.expr.Like;
import dev.ember.expr.Literal;
import dev.ember.expr.Not;
import dev.ember.expr.Or;
import dev.ember.expr.UnaryMinus;
import dev.ember.expr.UnaryPositive;
import dev.ember.expr.aggregate.AggregateFunction;
import dev.ember.expr.aggregate.Average;
import dev.ember.expr.aggregate.CentralMoment;
import dev.ember.expr.aggregate.Rebound;
import dev.ember.expr.aggregate.Sum;
import dev.ember.expr.function.ArrayElements;
import dev.ember.expr.function.ArrayFunction;
import dev.ember.expr.function.ArrayRepeat;
import dev.ember.expr.function.Coalesce;
import dev.ember.expr.function.Greatest;
import dev.ember.expr.function.Length;
import dev.ember.expr.function.MapFunction;
import dev.ember.expr.function.ScalarFunction;
import dev.ember.expr.function.Split;
import dev.ember.expr.function.StringTransform;
import dev.ember.expr.function.Substring;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Implicit casts, inserted after names are resolved so that every operator sees inputs of one
 * type: numeric widening (int → bigint → decimal → double), integer division as double, strings
 * compared with dates as dates, branches of CASE / COALESCE / IN / UNION to their common type.
 */
public final class TypeCoercion {
    private TypeCoercion() {
    }

    /** The narrowest type both can be cast to without losing range, if any. */
    public static Optional<DataType> widerType(DataType a, DataType b) {
        if (a.equals(b)) {
            return Optional.of(a);
        }
        if (a == AtomicType.NULL) {
            return Optional.of(b);
        }
        if (b == AtomicType.NULL) {
            return Optional.of(a);
        }
        if (a.isNumeric() && b.isNumeric()) {
            // ANSI skips float when widening, so as not to lose precision: float beside any other number is double
            if (a == AtomicType.DOUBLE || b == AtomicType.DOUBLE || a == AtomicType.FLOAT || b == AtomicType.FLOAT) {
                return Optional.of(AtomicType.DOUBLE);
            }
            if (a instanceof DecimalType || b instanceof DecimalType) {
                DecimalType x = a instanceof DecimalType d ? d : DecimalType.forIntegral(a);
                DecimalType y = b instanceof DecimalType d ? d : DecimalType.forIntegral(b);
                int scale = Math.max(x.scale(), y.scale());
                int range = Math.max(x.precision() - x.scale(), y.precision() - y.scale());
                return Optional.of(DecimalType.bounded(range + scale, scale));
            }
            return Optional.of(((AtomicType) a).ordinal() > ((AtomicType) b).ordinal() ? a : b);
        }
        if ((a == AtomicType.STRING && b == AtomicType.DATE) || (a == AtomicType.DATE && b == AtomicType.STRING)) {
            return Optional.of(AtomicType.DATE);
        }
        if ((a == AtomicType.DATE && b == AtomicType.TIMESTAMP) || (a == AtomicType.TIMESTAMP && b == AtomicType.DATE)) {
            return Optional.of(AtomicType.TIMESTAMP); // a date is the timestamp of its midnight in the session zone
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return widerType(x.elementType(), y.elementType())
                    .map(element -> new ArrayType(element, x.containsNull() || y.containsNull()));
        }
        if (a instanceof MapType x && b instanceof MapType y) {
            Optional<DataType> key = widerType(x.keyType(), y.keyType());
            Optional<DataType> value = widerType(x.valueType(), y.valueType());
            return key.isEmpty() || value.isEmpty() ? Optional.empty()
                    : Optional.of(new MapType(key.get(), value.get(), x.valueContainsNull() || y.valueContainsNull()));
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            return widerStruct(x, y);
        }
        return Optional.empty();
    }

    /** Structs of the same field names (the first's spelling kept) widen field by field. */
    private static Optional<DataType> widerStruct(StructType x, StructType y) {
        if (x.size() != y.size()) {
            return Optional.empty();
        }
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            StructField left = x.field(i);
            StructField right = y.field(i);
            Optional<DataType> type = widerType(left.dataType(), right.dataType());
            if (!left.name().equalsIgnoreCase(right.name()) || type.isEmpty()) {
                return Optional.empty();
            }
            fields.add(new StructField(left.name(), type.get(), left.nullable() || right.nullable()));
        }
        return Optional.of(new StructType(fields));
    }

    /** Whether a type is or holds a map, which Spark can neither compare nor order. */
    public static boolean holdsMap(DataType type) {
        if (type instanceof MapType) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return holdsMap(array.elementType());
        }
        return type instanceof StructType struct && struct.fields().stream().anyMatch(f -> holdsMap(f.dataType()));
    }

    /** The common type of several expressions, or a DATATYPE_MISMATCH error naming the expression. */
    public static DataType commonType(List<Expression> expressions, Expression context) {
        DataType common = AtomicType.NULL;
        for (Expression expression : expressions) {
            DataType next = expression.dataType();
            Optional<DataType> wider = widerType(common, next);
            if (wider.isEmpty()) {
                throw mismatch(context, "the input types " + expressions.stream().map(e -> e.dataType().simpleString().toUpperCase()).toList()
                        + " have no common type");
            }
            common = wider.get();
        }
        return common;
    }

    public static Expression castTo(Expression expression, DataType type) {
        return expression.dataType().equals(type) ? expression : Cast.implicit(expression, type);
    }

    private static List<Expression> castAll(List<Expression> expressions, DataType type) {
        List<Expression> result = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            result.add(castTo(expression, type));
        }
        return result;
    }

    /** Inserts the casts one resolved node needs (its children are already coerced). */
    public static Expression coerce(Expression node) {
        if (!node.resolved()) {
            return node;
        }
        if (node instanceof Arithmetic arithmetic) {
            return coerceArithmetic(arithmetic);
        }
        if ((node instanceof UnaryMinus || node instanceof UnaryPositive)
                && (node.children().get(0).dataType() == AtomicType.NULL || node.children().get(0).dataType() == AtomicType.STRING)) {
            return node.withNewChildren(List.of(castTo(node.children().get(0), AtomicType.DOUBLE)));
        }
        if (node instanceof Cast cast && !Casts.canCast(cast.child().dataType(), cast.dataType())) {
            throw mismatch(node, Casts.castMismatchDetail(cast.child().dataType(), cast.dataType()));
        }
        if (node instanceof Comparison comparison) {
            return coerceComparison(comparison);
        }
        if (node instanceof And || node instanceof Or || node instanceof Not) {
            List<Expression> children = new ArrayList<>();
            for (Expression child : node.children()) {
                requireType(node, child, AtomicType.BOOLEAN);
                children.add(castTo(child, AtomicType.BOOLEAN));
            }
            return node.withNewChildren(children);
        }
        if (node instanceof CaseWhen caseWhen) {
            List<Expression> values = new ArrayList<>(caseWhen.values());
            if (caseWhen.elseValue() != null) {
                values.add(caseWhen.elseValue());
            }
            DataType common = commonType(values, node);
            for (Expression condition : caseWhen.conditions()) {
                requireType(node, condition, AtomicType.BOOLEAN);
            }
            return new CaseWhen(castAll(caseWhen.conditions(), AtomicType.BOOLEAN), castAll(caseWhen.values(), common),
                    caseWhen.elseValue() == null ? null : castTo(caseWhen.elseValue(), common));
        }
        if (node instanceof Coalesce || node instanceof In || node instanceof Greatest
                || node instanceof ArrayFunction function && function.constructor()) {
            return node.withNewChildren(castAll(node.children(), commonType(node.children(), node)));
        }
        if (node instanceof MapFunction map && map.kind() == MapFunction.Kind.MAP && !map.arguments().isEmpty()) {
            List<Expression> keys = new ArrayList<>();
            List<Expression> values = new ArrayList<>();
            for (int i = 0; i < map.arguments().size(); i++) {
                (i % 2 == 0 ? keys : values).add(map.arguments().get(i));
            }
            DataType keyType = commonType(keys, node);
            DataType valueType = commonType(values, node);
            List<Expression> cast = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                cast.add(castTo(keys.get(i), keyType));
                cast.add(castTo(values.get(i), valueType));
            }
            return node.withNewChildren(cast);
        }
        if (node instanceof StringTransform transform && transform.kind() == StringTransform.Kind.REVERSE
                && transform.arguments().get(0).dataType() instanceof ArrayType) {
            return new ArrayElements(ArrayElements.Kind.REVERSE, transform.arguments());
        }
        if (node instanceof StringTransform || node instanceof Length || node instanceof Like) {
            return node.withNewChildren(castAll(node.children(), AtomicType.STRING));
        }
        if (node instanceof ArrayRepeat repeat) {
            Expression count = repeat.arguments().get(1);
            if (!count.dataType().isIntegral() && count.dataType() != AtomicType.NULL) {
                throw mismatch(node, "parameter 2 requires the \"INT\" type, however " + count + " has the type \""
                        + count.dataType().simpleString().toUpperCase() + "\"");
            }
            return node.withNewChildren(List.of(repeat.arguments().get(0), castTo(count, AtomicType.INT)));
        }
        if (node instanceof Split split) {
            List<Expression> args = new ArrayList<>(castAll(split.arguments().subList(0, 2), AtomicType.STRING));
            if (split.arguments().size() > 2) {
                args.add(castTo(split.arguments().get(2), AtomicType.INT));
            }
            return node.withNewChildren(args);
        }
        if (node instanceof Substring substring) {
            List<Expression> args = new ArrayList<>();
            args.add(castTo(substring.arguments().get(0), AtomicType.STRING));
            args.addAll(castAll(substring.arguments().subList(1, substring.arguments().size()), AtomicType.INT));
            return node.withNewChildren(args);
        }
        if (node instanceof ScalarFunction function) {
            return function.coerceArguments();
        }
        if (node instanceof CentralMoment moment) {
            Expression argument = moment.arguments().get(0);
            if (!argument.dataType().isNumeric() && argument.dataType() != AtomicType.STRING && argument.dataType() != AtomicType.NULL) {
                throw mismatch(node, "parameter 1 requires the \"DOUBLE\" type, however " + argument + " has the type \""
                        + argument.dataType().simpleString().toUpperCase() + "\"");
            }
            return argument.dataType() == AtomicType.DOUBLE ? node : node.withNewChildren(List.of(castTo(argument, AtomicType.DOUBLE)));
        }
        if (node instanceof Sum || node instanceof Average) {
            Expression argument = node.children().get(0);
            DataType type = argument.dataType();
            if (type == AtomicType.STRING || type == AtomicType.NULL) {
                return node.withNewChildren(List.of(castTo(argument, AtomicType.DOUBLE)));
            }
            if (!type.isNumeric()) {
                throw mismatch(node, "parameter 1 requires the \"NUMERIC\" type, however " + argument + " has the type \""
                        + type.simpleString().toUpperCase() + "\"");
            }
            if (type == AtomicType.BYTE || type == AtomicType.SHORT) {
                return node.withNewChildren(List.of(castTo(argument, AtomicType.INT)));
            }
        }
        if (node instanceof Rebound clause && clause.isFilterClause()) {
            return clause.withCall(TypeCoercion::coerce);
        }
        if (node instanceof AggregateFunction function) {
            return function.coerceArguments();
        }
        return node;
    }

    private static Expression coerceArithmetic(Arithmetic node) {
        Optional<Expression> datetime = DatetimeArithmetic.resolve(node);
        if (datetime.isPresent()) {
            return datetime.get();
        }
        Expression left = node.left();
        Expression right = node.right();
        if (left.dataType() == AtomicType.STRING || right.dataType() == AtomicType.STRING) {
            DataType promoted = stringPromotion(left.dataType(), right.dataType())
                    .orElseThrow(() -> mismatch(node, "the binary operator requires numeric operands, not \"STRING\""));
            left = castTo(left, promoted);
            right = castTo(right, promoted);
        }
        requireNumeric(node, left);
        requireNumeric(node, right);
        DataType l = left.dataType();
        DataType r = right.dataType();
        boolean anyDecimal = l instanceof DecimalType || r instanceof DecimalType;
        boolean anyFloating = l == AtomicType.DOUBLE || r == AtomicType.DOUBLE || l == AtomicType.FLOAT || r == AtomicType.FLOAT;
        if (node.operator() == Arithmetic.Operator.DIVIDE && !anyDecimal) {
            return node.withNewChildren(List.of(castTo(left, AtomicType.DOUBLE), castTo(right, AtomicType.DOUBLE)));
        }
        if (node.operator() == Arithmetic.Operator.INTEGRAL_DIVIDE && anyFloating) {
            throw mismatch(node, "the left and right operands of the binary operator have incompatible types (\""
                    + l.simpleString().toUpperCase() + "\" and \"" + r.simpleString().toUpperCase() + "\")");
        }
        if (node.operator() == Arithmetic.Operator.INTEGRAL_DIVIDE && !anyDecimal) {
            return node.withNewChildren(List.of(castTo(left, AtomicType.LONG), castTo(right, AtomicType.LONG)));
        }
        if (anyDecimal) {
            if (anyFloating) {
                return node.withNewChildren(List.of(castTo(left, AtomicType.DOUBLE), castTo(right, AtomicType.DOUBLE)));
            }
            // Decimal arithmetic keeps each side's own precision and scale; integers become exact decimals.
            return node.withNewChildren(List.of(asDecimal(left), asDecimal(right)));
        }
        DataType common = widerType(l, r).orElseThrow(() -> mismatch(node, "differing types"));
        if (common == AtomicType.NULL) {
            common = AtomicType.DOUBLE; // NULL + NULL is a double in Spark
        }
        return node.withNewChildren(List.of(castTo(left, common), castTo(right, common)));
    }

    /**
     * An integral operand of decimal arithmetic as a decimal: a smallint, int or bigint literal gets
     * just the digits it has ({@code 3} is decimal(1,0), as Spark's {@code literalPickMinimumPrecision}),
     * other values the digits of their type (an int is decimal(10,0), a tinyint literal decimal(3,0)).
     */
    private static Expression asDecimal(Expression expression) {
        DataType type = expression.dataType();
        if (type instanceof DecimalType) {
            return expression;
        }
        if (type == AtomicType.NULL) {
            return Cast.implicit(expression, new DecimalType(1, 0));
        }
        if (expression instanceof Literal literal && !(literal.value() instanceof Byte) && literal.value() instanceof Number integral) {
            return Cast.implicit(expression, new DecimalType(BigDecimal.valueOf(integral.longValue()).precision(), 0));
        }
        return Cast.implicit(expression, DecimalType.forIntegral(type));
    }

    /**
     * The type a string meets a number in, under ANSI (Spark's {@code findWiderTypeForString}): bigint
     * beside an integral, double beside a fractional or NULL, nothing beside another string.
     * So {@code '1' + 1} is a bigint and {@code '1.5' + 1} fails to cast {@code '1.5'} to bigint.
     */
    private static Optional<DataType> stringPromotion(DataType a, DataType b) {
        DataType other = a == AtomicType.STRING ? b : a;
        if (other == AtomicType.STRING) {
            return Optional.empty();
        }
        if (other.isIntegral()) {
            return Optional.of(AtomicType.LONG);
        }
        return Optional.of(other.isNumeric() || other == AtomicType.NULL ? AtomicType.DOUBLE : other);
    }

    private static void requireNumeric(Expression node, Expression operand) {
        DataType type = operand.dataType();
        if (!type.isNumeric() && type != AtomicType.NULL) {
            throw mismatch(node, "the operator requires numeric operands, but " + operand + " is \""
                    + type.simpleString().toUpperCase() + "\"");
        }
    }

    private static Expression coerceComparison(Comparison node) {
        DataType l = node.left().dataType();
        DataType r = node.right().dataType();
        if (holdsMap(l) || holdsMap(r)) {
            DataType map = holdsMap(l) ? l : r;
            throw mismatch(node, "functions that compare values (=, <, ORDER BY) do not support the \""
                    + map.simpleString().toUpperCase() + "\" type");
        }
        if (l.equals(r)) {
            return node;
        }
        DataType target;
        if ((l == AtomicType.STRING && r.isNumeric()) || (r == AtomicType.STRING && l.isNumeric())) {
            target = stringPromotion(l, r).orElseThrow();
        } else if (l == AtomicType.STRING && r != AtomicType.NULL) {
            target = r;
        } else if (r == AtomicType.STRING && l != AtomicType.NULL) {
            target = l;
        } else {
            target = widerType(l, r).orElseThrow(() -> mismatch(node, "the left and right operands of the binary operator have "
                    + "incompatible types (\"" + l.simpleString().toUpperCase() + "\" and \"" + r.simpleString().toUpperCase() + "\")"));
        }
        return new Comparison(node.operator(), castTo(node.left(), target), castTo(node.right(), target));
    }

    private static void requireType(Expression node, Expression child, DataType expected) {
        DataType actual = child.dataType();
        if (!actual.equals(expected) && actual != AtomicType.NULL) {
            throw mismatch(node, child + " must be of type \"" + expected.simpleString().toUpperCase() + "\" but is \""
                    + actual.simpleString().toUpperCase() + "\"");
        }
    }

    static EmberException mismatch(Expression node, String detail) {
        return EmberException.of(ErrorClass.DATATYPE_MISMATCH, "expression", "\"" + node + "\"", "detail", detail);
    }
}
