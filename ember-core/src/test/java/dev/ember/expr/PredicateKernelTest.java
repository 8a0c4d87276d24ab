package dev.ember.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Comparison.Operator;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.Batch;
import dev.ember.vector.BooleanVector;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import dev.ember.vector.VectorBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Comparisons, IN, AND, OR and NOT read in place ({@link Expression#evalAt}): every operator and
 * layout against a row-by-row answer, with NULLs, constants on either side, chosen rows and empty batches.
 */
class PredicateKernelTest {
    private static final DecimalType DECIMAL = new DecimalType(15, 2);

    /** Per layout, values with NULLs, duplicates and edge values, ordered by {@link #order}. */
    private static final List<Case> CASES = List.of(
            new Case(AtomicType.INT, Arrays.asList(3, null, -7, 3, Integer.MAX_VALUE, Integer.MIN_VALUE, 0)),
            new Case(AtomicType.LONG, Arrays.asList(3L, null, -7L, 3L, Long.MAX_VALUE, Long.MIN_VALUE, 0L)),
            new Case(AtomicType.DATE, Arrays.asList(LocalDate.of(1994, 1, 1), null, LocalDate.of(1993, 12, 31),
                    LocalDate.of(1994, 1, 1), LocalDate.of(1995, 1, 1), LocalDate.of(1900, 3, 4), LocalDate.of(1994, 1, 2))),
            new Case(DECIMAL, Arrays.asList(dec("0.05"), null, dec("0.07"), dec("0.05"), dec("-1.00"), dec("0.06"), dec("24.00"))),
            new Case(AtomicType.DOUBLE, Arrays.asList(1.5, null, Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.NaN)),
            new Case(AtomicType.STRING, Arrays.asList("MAIL", null, "SHIP", "MAI", "MAIL ", "", "é")));

    private record Case(DataType type, List<Object> values) {
        /** The same values but the NULLs, whose vectors take the kernels' paths for columns without NULLs. */
        Case withoutNulls() {
            return new Case(type, values.stream().filter(java.util.Objects::nonNull).toList());
        }
    }

    @Test
    void comparesColumnsWithConstantsOnEitherSideAndWithColumns() {
        for (Case c : CASES.stream().flatMap(c -> java.util.stream.Stream.of(c, c.withoutNulls())).toList()) {
            ColumnVector column = vector(c.type(), c.values());
            ColumnVector reversed = vector(c.type(), reversed(c.values()));
            Batch batch = Batch.of(column, reversed);
            BoundReference x = new BoundReference(0, c.type(), true, "x");
            BoundReference y = new BoundReference(1, c.type(), true, "y");
            for (Operator operator : Operator.values()) {
                for (Object constant : List.of(c.values().get(0), c.values().get(2))) {
                    Literal literal = new Literal(constant, c.type());
                    assertAnswers(new Comparison(operator, x, literal), batch, i -> expected(operator, c.values().get(i), constant));
                    assertAnswers(new Comparison(operator, literal, x), batch, i -> expected(operator, constant, c.values().get(i)));
                }
                Literal nullConstant = new Literal(null, c.type());
                assertAnswers(new Comparison(operator, x, nullConstant), batch, i -> expected(operator, c.values().get(i), null));
                assertAnswers(new Comparison(operator, x, y), batch,
                        i -> expected(operator, c.values().get(i), c.values().get(c.values().size() - 1 - i)));
            }
        }
    }

    @Test
    void twoBoundsOnOneColumnSelectAsOneRange() {
        List<Operator> bounds = List.of(Operator.EQUAL, Operator.LESS_THAN, Operator.LESS_THAN_OR_EQUAL,
                Operator.GREATER_THAN, Operator.GREATER_THAN_OR_EQUAL);
        for (Case c : CASES.stream().flatMap(c -> java.util.stream.Stream.of(c, c.withoutNulls())).toList()) {
            Batch batch = Batch.of(vector(c.type(), c.values()));
            BoundReference x = new BoundReference(0, c.type(), true, "x");
            List<Object> constants = c.values().stream().filter(java.util.Objects::nonNull).distinct().toList();
            for (Operator low : bounds) {
                for (Operator high : bounds) {
                    for (Object a : constants) {
                        for (Object b : constants) {
                            // the second bound with its constant on the left, as b >= x is written
                            Expression range = new And(new Comparison(low, x, new Literal(a, c.type())),
                                    new Comparison(high.flip(), new Literal(b, c.type()), x));
                            assertAnswers(range, batch, i -> and3(expected(low, c.values().get(i), a), expected(high, c.values().get(i), b)));
                        }
                    }
                }
            }
        }
    }

    @Test
    void isNullReadsTheFlags() {
        for (Case c : CASES.stream().flatMap(c -> java.util.stream.Stream.of(c, c.withoutNulls())).toList()) {
            Batch batch = Batch.of(vector(c.type(), c.values()));
            BoundReference x = new BoundReference(0, c.type(), true, "x");
            assertAnswers(new IsNull(x, false), batch, i -> c.values().get(i) == null);
            assertAnswers(new IsNull(x, true), batch, i -> c.values().get(i) != null);
        }
    }

    @Test
    void inListsOfConstantsWithAndWithoutNull() {
        for (Case c : CASES) {
            Batch batch = Batch.of(vector(c.type(), c.values()));
            BoundReference x = new BoundReference(0, c.type(), true, "x");
            List<Expression> list = List.of(new Literal(c.values().get(2), c.type()), new Literal(c.values().get(5), c.type()));
            assertAnswers(new In(x, list), batch, i -> in(c.values().get(i), List.of(c.values().get(2), c.values().get(5))));
            List<Expression> withNull = List.of(new Literal(c.values().get(0), c.type()), new Literal(null, c.type()));
            assertAnswers(new In(x, withNull), batch, i -> in(c.values().get(i), Arrays.asList(c.values().get(0), null)));
        }
    }

    @Test
    void likeWithALiteralPattern() {
        List<Object> values = Arrays.asList("PROMO BRUSHED", null, "STANDARD PROMO", "PROMO", "promo x");
        Batch batch = Batch.of(vector(AtomicType.STRING, values));
        BoundReference x = new BoundReference(0, AtomicType.STRING, true, "x");
        assertAnswers(new Like(x, new Literal("PROMO%", AtomicType.STRING), false), batch,
                i -> values.get(i) == null ? null : ((String) values.get(i)).startsWith("PROMO"));
        assertAnswers(new Not(new Like(x, new Literal("%PROMO_%", AtomicType.STRING), false)), batch,
                i -> values.get(i) == null ? null : !((String) values.get(i)).matches(".*PROMO.+"));
        assertAnswers(new Like(x, new Literal(null, AtomicType.STRING), false), batch, i -> null);
    }

    @Test
    void stringsOfASmallDictionaryAreTestedEntryByEntry() {
        List<Object> values = Arrays.asList("MAIL", null, "SHIP", "AIR", "MAIL", "AIR", null, "SHIP", "MAIL", "AIR");
        Batch batch = Batch.of(dictionaryEncoded(values));
        BoundReference x = new BoundReference(0, AtomicType.STRING, true, "x");
        for (Operator operator : List.of(Operator.EQUAL, Operator.NOT_EQUAL, Operator.LESS_THAN, Operator.GREATER_THAN_OR_EQUAL)) {
            assertAnswers(new Comparison(operator, x, new Literal("MAIL", AtomicType.STRING)), batch, i -> expected(operator, values.get(i), "MAIL"));
        }
        assertAnswers(new Comparison(Operator.NULL_SAFE_EQUAL, x, new Literal("AIR", AtomicType.STRING)), batch,
                i -> expected(Operator.NULL_SAFE_EQUAL, values.get(i), "AIR"));
        assertAnswers(new In(x, List.of(new Literal("SHIP", AtomicType.STRING), new Literal(null, AtomicType.STRING))), batch,
                i -> in(values.get(i), Arrays.asList("SHIP", null)));
        assertAnswers(new Like(x, new Literal("%AI%", AtomicType.STRING), false), batch,
                i -> values.get(i) == null ? null : ((String) values.get(i)).contains("AI"));
    }

    @Test
    void stringsOfASmallDictionaryWithoutNullsAreChosenEntryByEntry() {
        List<Object> values = Arrays.asList("MAIL", "SHIP", "AIR", "MAIL", "AIR", "SHIP", "MAIL", "AIR", "RAIL");
        Batch batch = Batch.of(dictionaryEncoded(values));
        BoundReference x = new BoundReference(0, AtomicType.STRING, true, "x");
        for (Operator operator : List.of(Operator.EQUAL, Operator.NOT_EQUAL, Operator.LESS_THAN, Operator.GREATER_THAN_OR_EQUAL)) {
            assertAnswers(new Comparison(operator, x, new Literal("MAIL", AtomicType.STRING)), batch, i -> expected(operator, values.get(i), "MAIL"));
        }
        assertAnswers(new In(x, List.of(new Literal("SHIP", AtomicType.STRING), new Literal("AIR", AtomicType.STRING))), batch,
                i -> in(values.get(i), Arrays.asList("SHIP", "AIR")));
        assertAnswers(new In(x, List.of(new Literal("SHIP", AtomicType.STRING), new Literal(null, AtomicType.STRING))), batch,
                i -> in(values.get(i), Arrays.asList("SHIP", null)));
    }

    @Test
    void andOrFollowThreeValuedLogicOverChains() {
        List<Boolean> a = Arrays.asList(true, true, true, false, false, false, null, null, null);
        List<Boolean> b = Arrays.asList(true, false, null, true, false, null, true, false, null);
        Batch batch = Batch.of(vector(AtomicType.BOOLEAN, new ArrayList<>(a)), vector(AtomicType.BOOLEAN, new ArrayList<>(b)));
        Expression x = new BoundReference(0, AtomicType.BOOLEAN, true, "a");
        Expression y = new BoundReference(1, AtomicType.BOOLEAN, true, "b");
        Boolean[] and = {true, false, null, false, false, false, null, false, null};
        Boolean[] or = {true, true, true, true, false, null, true, null, null};
        assertAnswers(new And(x, y), batch, i -> and[i]);
        assertAnswers(new Or(x, y), batch, i -> or[i]);
        assertAnswers(new Not(new And(x, y)), batch, i -> and[i] == null ? null : !and[i]);
        // chains nest either way and mix: (a AND b) AND (a OR b), a OR (b OR a)
        assertAnswers(new And(new And(x, y), new Or(x, y)), batch, i -> and3(and[i], or[i]));
        assertAnswers(new Or(x, new Or(y, x)), batch, i -> or[i]);
    }

    @Test
    void rowsANullOperandLeavesUndecidedGoOnToTheNextOnesAndAreNotSelected() {
        // c > 0 is NULL at row 1; a > 5 and a range on a, which hold no NULL, choose in their own loops after it
        Batch batch = Batch.of(vector(AtomicType.LONG, Arrays.asList(1L, null, 3L, -1L)), vector(AtomicType.LONG, Arrays.asList(10L, 10L, 4L, 10L)));
        Expression c = new BoundReference(0, AtomicType.LONG, true, "c");
        Expression a = new BoundReference(1, AtomicType.LONG, true, "a");
        Expression cPositive = new Comparison(Operator.GREATER_THAN, c, new Literal(0L, AtomicType.LONG));
        Expression aAboveFive = new Comparison(Operator.GREATER_THAN, a, new Literal(5L, AtomicType.LONG));
        Expression aBelowTwenty = new Comparison(Operator.LESS_THAN, a, new Literal(20L, AtomicType.LONG));
        Boolean[] expected = {true, null, false, false};
        assertAnswers(new And(cPositive, aAboveFive), batch, i -> expected[i]);
        assertAnswers(new And(new And(cPositive, aAboveFive), aBelowTwenty), batch, i -> expected[i]);
        assertAnswers(new And(aAboveFive, new And(aBelowTwenty, cPositive)), batch, i -> expected[i]);
    }

    @Test
    void laterOperandsRunOnlyWhereEarlierOnesLeaveTheRowUndecided() {
        // a / b fails where b is 0: guarded by b <> 0 on the left, also inside a longer chain and under OR
        Batch batch = Batch.of(vector(AtomicType.LONG, Arrays.asList(10L, 10L, null, 4L)), vector(AtomicType.LONG, Arrays.asList(0L, 5L, 1L, 0L)));
        Expression a = new BoundReference(0, AtomicType.LONG, true, "a");
        Expression b = new BoundReference(1, AtomicType.LONG, true, "b");
        Expression quotientAboveOne = new Comparison(Operator.GREATER_THAN,
                new Arithmetic(Arithmetic.Operator.INTEGRAL_DIVIDE, a, b), new Literal(1L, AtomicType.LONG));
        Expression bNonZero = new Comparison(Operator.NOT_EQUAL, b, new Literal(0L, AtomicType.LONG));
        Expression bZero = new Comparison(Operator.EQUAL, b, new Literal(0L, AtomicType.LONG));
        assertAnswers(new And(bNonZero, quotientAboveOne), batch, i -> new Boolean[] {false, true, null, false}[i]);
        assertAnswers(new And(new And(new Comparison(Operator.GREATER_THAN, a, new Literal(0L, AtomicType.LONG)), bNonZero), quotientAboveOne),
                batch, i -> new Boolean[] {false, true, null, false}[i]);
        assertAnswers(new Or(bZero, quotientAboveOne), batch, i -> new Boolean[] {true, true, null, true}[i]);
        // where the left side is NULL, Spark evaluates the right side: its error is raised
        Batch nullGuard = Batch.of(vector(AtomicType.LONG, Arrays.asList(10L, 10L)), vector(AtomicType.LONG, Arrays.asList(5L, 0L)),
                vector(AtomicType.LONG, Arrays.asList(1L, null)));
        Expression cPositive = new Comparison(Operator.GREATER_THAN, new BoundReference(2, AtomicType.LONG, true, "c"), new Literal(0L, AtomicType.LONG));
        assertThatThrownBy(() -> new And(cPositive, quotientAboveOne).eval(nullGuard))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.DIVIDE_BY_ZERO));
        // in a filter too, also where the left side cannot be NULL and selects in its own loop
        assertThatThrownBy(() -> new And(cPositive, quotientAboveOne).select(nullGuard, new int[2]))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.DIVIDE_BY_ZERO));
        Expression aPositive = new Comparison(Operator.GREATER_THAN, a, new Literal(0L, AtomicType.LONG));
        assertThatThrownBy(() -> new And(aPositive, quotientAboveOne).select(nullGuard, new int[2]))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.DIVIDE_BY_ZERO));
    }

    @Test
    void emptyBatchesAnswerNothing() {
        Batch empty = Batch.of(vector(AtomicType.LONG, List.of()));
        Expression x = new BoundReference(0, AtomicType.LONG, true, "x");
        Expression predicate = new And(new Comparison(Operator.LESS_THAN, x, new Literal(5L, AtomicType.LONG)),
                new In(x, List.of(new Literal(1L, AtomicType.LONG))));
        assertThat(predicate.eval(empty).size()).isZero();
        assertThat(predicate.evalAt(Batch.of(vector(AtomicType.LONG, Arrays.asList(1L, 2L))), new int[0], 0).size()).isEqualTo(2);
    }

    /**
     * The whole batch through eval, then every other row (and the first alone) through evalAt; the
     * rows a filter keeps through select, from the whole batch and from every other row in place.
     */
    private static void assertAnswers(Expression predicate, Batch batch, Function<Integer, Boolean> expected) {
        int n = batch.rowCount();
        ColumnVector all = predicate.eval(batch);
        for (int i = 0; i < n; i++) {
            assertThat(all.getObject(i)).as("%s at row %d", predicate, i).isEqualTo(expected.apply(i));
        }
        for (int[] rows : List.of(new int[] {0}, everyOther(n, 1))) {
            BooleanVector some = predicate.evalAt(batch, rows, rows.length);
            assertThat(some.size()).isEqualTo(n);
            for (int i : rows) {
                assertThat(some.getObject(i)).as("%s at chosen row %d", predicate, i).isEqualTo(expected.apply(i));
            }
        }
        int[] selected = new int[n];
        int count = predicate.select(batch, selected);
        assertThat(Arrays.copyOf(selected, count)).as("%s selects", predicate)
                .containsExactly(java.util.stream.IntStream.range(0, n).filter(i -> Boolean.TRUE.equals(expected.apply(i))).toArray());
        int[] rows = everyOther(n, 1);
        count = predicate.select(batch, rows, rows.length, rows);
        assertThat(Arrays.copyOf(rows, count)).as("%s selects among every other row", predicate)
                .containsExactly(Arrays.stream(everyOther(n, 1)).filter(i -> Boolean.TRUE.equals(expected.apply(i))).toArray());
    }

    private static int[] everyOther(int n, int from) {
        return java.util.stream.IntStream.iterate(from, i -> i < n, i -> i + 2).toArray();
    }

    /** Row by row: NULL with a NULL side (but for {@code <=>}), else the order of the two values. */
    private static Boolean expected(Operator operator, Object a, Object b) {
        if (a == null || b == null) {
            return operator == Operator.NULL_SAFE_EQUAL ? (Boolean) (a == b) : null;
        }
        int order = order(a, b);
        return switch (operator) {
            case EQUAL, NULL_SAFE_EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS_THAN -> order < 0;
            case LESS_THAN_OR_EQUAL -> order <= 0;
            case GREATER_THAN -> order > 0;
            case GREATER_THAN_OR_EQUAL -> order >= 0;
        };
    }

    /** SQL order: NaN above all and equal to itself, -0.0 equal to 0.0, strings by code point (UTF-8 bytes). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int order(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue() ? 0 : Double.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(Arrays.compareUnsigned(x.getBytes(java.nio.charset.StandardCharsets.UTF_8), y.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return Integer.signum(((Comparable) a).compareTo(b));
    }

    private static Boolean in(Object value, List<Object> list) {
        if (value == null) {
            return null;
        }
        boolean sawNull = false;
        for (Object element : list) {
            if (element == null) {
                sawNull = true;
            } else if (order(value, element) == 0) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    private static Boolean and3(Boolean p, Boolean q) {
        if (Boolean.FALSE.equals(p) || Boolean.FALSE.equals(q)) {
            return false;
        }
        return p == null || q == null ? null : true;
    }

    private static List<Object> reversed(List<Object> values) {
        List<Object> copy = new ArrayList<>(values);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static ColumnVector vector(DataType type, List<?> values) {
        VectorBuilder builder = VectorBuilder.create(type, values.size());
        values.forEach(builder::appendObject);
        return builder.build();
    }

    /** The values as ids into a dictionary of the distinct ones. */
    private static ColumnVector dictionaryEncoded(List<Object> values) {
        List<Object> entries = values.stream().filter(java.util.Objects::nonNull).distinct().toList();
        StringVector dictionary = (StringVector) vector(AtomicType.STRING, entries);
        int[] offsets = new int[entries.size() + 1];
        for (int e = 0; e < entries.size(); e++) {
            offsets[e + 1] = offsets[e] + dictionary.length(e);
        }
        int[] ids = values.stream().mapToInt(value -> value == null ? 0 : entries.indexOf(value)).toArray();
        boolean[] nulls = new boolean[values.size()];
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = values.get(i) == null;
        }
        StringVector encoded = StringVector.dictionaryEncoded(AtomicType.STRING, values.size(), dictionary.bytes(), offsets, ids, values.contains(null) ? nulls : null);
        assertThat(encoded.dictionary().size()).isLessThan(values.size());
        return encoded;
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
