package dev.ember.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Arithmetic.Operator;
import dev.ember.expr.aggregate.Average;
import dev.ember.expr.aggregate.GroupedAccumulator;
import dev.ember.expr.aggregate.Sum;
import dev.ember.expr.function.FloorCeil;
import dev.ember.expr.function.Round;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.LongVector;
import dev.ember.vector.VectorBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decimals on unscaled longs: the edges where a long stops holding a value, checked against BigDecimal. */
class DecimalLongPathTest {
    private static final String MAX_18 = "999999999999999999";

    @Test
    void valuesBeyondALongAreKeptExactlyBesideTheLongs() {
        DecimalVector vector = decimals(dec(38, 0), "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1");
        assertThat(vector.allLongs()).isFalse();
        assertThat(vector.isLong(0)).isTrue();
        assertThat(vector.isLong(1)).isFalse();
        assertThat(vector.getObject(1)).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(vector.getObject(2)).isEqualTo(new BigDecimal("-9223372036854775809"));
        ColumnVector gathered = vector.gather(new int[] {3, 0}, 2);
        assertThat(((DecimalVector) gathered).allLongs()).isTrue();
        assertThat(gathered.getObject(0)).isEqualTo(new BigDecimal("1"));
    }

    @Test
    void additionAtThePrecision18Boundary() {
        DecimalVector a = decimals(dec(18, 0), MAX_18, "-" + MAX_18);
        DecimalVector b = decimals(dec(18, 0), "1", "-1");
        ColumnVector sum = arithmetic(Operator.ADD, a, b);
        assertThat(sum.type()).isEqualTo(dec(19, 0));
        assertThat(sum.getObject(0)).isEqualTo(new BigDecimal("1000000000000000000"));
        assertThat(sum.getObject(1)).isEqualTo(new BigDecimal("-1000000000000000000"));
    }

    @Test
    void productsBeyondALongWidenAndStayExact() {
        DecimalVector a = decimals(dec(19, 0), "9223372036854775807", "-3037000500");
        DecimalVector b = decimals(dec(19, 0), "9223372036854775807", "3037000500");
        ColumnVector product = arithmetic(Operator.MULTIPLY, a, b);
        assertThat(product.getObject(0)).isEqualTo(new BigDecimal("9223372036854775807").pow(2));
        assertThat(product.getObject(1)).isEqualTo(new BigDecimal("-9223372037000250000"));
        assertThat(((DecimalVector) product).isLong(0)).isFalse();
    }

    @Test
    void outOfRangeIsAnsiErrorOnBothPaths() {
        DecimalVector big = decimals(dec(38, 0), "10000000000000000000");
        assertThatThrownBy(() -> arithmetic(Operator.MULTIPLY, big, big))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE));
        DecimalVector max18 = decimals(dec(18, 0), MAX_18);
        assertThatThrownBy(() -> cast(max18, dec(17, 0)))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE));
        LongVector longMax = new LongVector(AtomicType.LONG, 1, new long[] {Long.MAX_VALUE}, null);
        assertThatThrownBy(() -> cast(longMax, dec(18, 0)))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE));
        assertThat(cast(longMax, dec(19, 0)).getObject(0)).isEqualTo(new BigDecimal(Long.MAX_VALUE));
        assertThat(cast(longMax, dec(20, 1)).getObject(0)).isEqualTo(new BigDecimal(Long.MAX_VALUE).setScale(1));
    }

    @Test
    void anOverflowOnANullRowIsNoError() {
        DecimalVector big = new DecimalVector(dec(38, 0), 2,
                new BigDecimal[] {new BigDecimal("1e20"), BigDecimal.ONE}, new boolean[] {true, false});
        ColumnVector product = arithmetic(Operator.MULTIPLY, big, big);
        assertThat(product.getObject(0)).isNull();
        assertThat(product.getObject(1)).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void everyOperatorAgreesWithBigDecimal() {
        Random random = new Random(42);
        DecimalType[] types = {dec(18, 2), dec(10, 0), dec(18, 18), dec(7, 3), dec(25, 4), dec(38, 6)};
        for (int round = 0; round < 2000; round++) {
            DecimalType ta = types[random.nextInt(types.length)];
            DecimalType tb = types[random.nextInt(types.length)];
            BigDecimal x = randomValue(random, ta);
            BigDecimal y = randomValue(random, tb);
            for (Operator operator : new Operator[] {Operator.ADD, Operator.SUBTRACT, Operator.MULTIPLY, Operator.DIVIDE,
                    Operator.REMAINDER, Operator.PMOD}) {
                DecimalType type = Arithmetic.decimalResultType(operator, ta, tb);
                Object expected;
                try {
                    expected = Decimals.fit(oracle(operator, x, y, type), type);
                } catch (EmberException | ArithmeticException e) {
                    expected = e instanceof EmberException ember ? ember.errorClass() : ErrorClass.DIVIDE_BY_ZERO;
                }
                Object actual;
                try {
                    actual = arithmetic(operator, decimals(ta, x), decimals(tb, y)).getObject(0);
                } catch (EmberException e) {
                    actual = e.errorClass() == ErrorClass.REMAINDER_BY_ZERO ? ErrorClass.DIVIDE_BY_ZERO : e.errorClass();
                }
                assertThat(actual).as("%s %s %s as %s", x, operator.symbol(), y, type).isEqualTo(expected);
            }
        }
    }

    @Test
    void sumsCrossingTheLongRangeStayExact() {
        DecimalType input = dec(18, 2);
        String[] values = new String[12];
        java.util.Arrays.fill(values, 0, 6, "9999999999999999.99");
        java.util.Arrays.fill(values, 6, 12, "-9999999999999999.99");
        DecimalVector vector = decimals(input, values);
        // group 0 sums the positives then the negatives (up past Long.MAX_VALUE, back to 0); group 1 only positives
        int[] groups = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        GroupedAccumulator sum = new Sum(new BoundReference(0, input, true, "d"), false).newAccumulator();
        sum.update(groups, 12, vector);
        sum.update(new int[] {1, 1, 1, 1, 1, 1}, 6, vector.gather(new int[] {0, 1, 2, 3, 4, 5}, 6));
        ColumnVector result = sum.result(2);
        assertThat(result.type()).isEqualTo(dec(28, 2));
        assertThat(result.getObject(0)).isEqualTo(new BigDecimal("0.00"));
        assertThat(result.getObject(1)).isEqualTo(new BigDecimal("59999999999999999.94"));

        GroupedAccumulator negatives = new Sum(new BoundReference(0, input, true, "d"), false).newAccumulator();
        negatives.update(groups, 6, vector.gather(new int[] {6, 7, 8, 9, 10, 11}, 6));
        assertThat(negatives.result(1).getObject(0)).isEqualTo(new BigDecimal("-59999999999999999.94"));
    }

    @Test
    void batchesMixingSmallAndOverflowingValuesAgreeWithBigDecimalRowByRow() {
        Random random = new Random(7);
        DecimalType[] types = {dec(18, 2), dec(10, 0), dec(18, 18), dec(25, 4), dec(38, 6)};
        for (int round = 0; round < 300; round++) {
            DecimalType ta = types[random.nextInt(types.length)];
            DecimalType tb = types[random.nextInt(types.length)];
            int n = 1 + random.nextInt(40);
            boolean large = random.nextInt(3) == 0;
            BigDecimal[] x = new BigDecimal[n];
            BigDecimal[] y = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                // mostly small values, with now and then one near the type's limit
                x[i] = large && i == n / 2 ? randomValue(random, ta) : BigDecimal.valueOf(random.nextInt(20001) - 10000, ta.scale());
                y[i] = large && i == n - 1 ? randomValue(random, tb) : BigDecimal.valueOf(random.nextInt(20001) - 10000, tb.scale());
            }
            for (Operator operator : new Operator[] {Operator.ADD, Operator.SUBTRACT, Operator.MULTIPLY}) {
                DecimalType type = Arithmetic.decimalResultType(operator, ta, tb);
                Object[] expected = new Object[n];
                Object error = null;
                for (int i = 0; i < n; i++) {
                    try {
                        expected[i] = Decimals.fit(oracle(operator, x[i], y[i], type), type);
                    } catch (EmberException e) {
                        error = e.errorClass();
                    }
                }
                Object actual;
                try {
                    actual = objects(arithmetic(operator, decimals(ta, x), decimals(tb, y)));
                } catch (EmberException e) {
                    actual = e.errorClass();
                }
                assertThat(actual).as("%s %s %s as %s", java.util.Arrays.toString(x), operator.symbol(), java.util.Arrays.toString(y), type)
                        .isEqualTo(error != null ? error : expected);
            }
        }
    }

    @Test
    void aConstantOperandOnEitherSideAgreesWithItsColumn() {
        Random random = new Random(11);
        DecimalType[] types = {dec(15, 2), dec(1, 0), dec(18, 0), dec(18, 18), dec(25, 4), dec(38, 6)};
        for (int round = 0; round < 500; round++) {
            DecimalType columnType = types[random.nextInt(types.length)];
            DecimalType constantType = types[random.nextInt(types.length)];
            int n = 1 + random.nextInt(20);
            BigDecimal[] column = new BigDecimal[n];
            boolean[] nulls = random.nextBoolean() ? new boolean[n] : null;
            for (int i = 0; i < n; i++) {
                column[i] = random.nextInt(4) == 0 ? randomValue(random, columnType) : BigDecimal.valueOf(random.nextInt(20001) - 10000, columnType.scale());
                if (nulls != null) {
                    nulls[i] = random.nextInt(5) == 0;
                }
            }
            BigDecimal constant = random.nextBoolean() ? randomValue(random, constantType) : BigDecimal.valueOf(random.nextInt(201) - 100, constantType.scale());
            DecimalVector values = new DecimalVector(columnType, n, column, nulls);
            DecimalVector repeated = decimals(constantType, java.util.Collections.nCopies(n, constant).toArray(new BigDecimal[0]));
            for (Operator operator : new Operator[] {Operator.ADD, Operator.SUBTRACT, Operator.MULTIPLY, Operator.DIVIDE}) {
                for (boolean constantLeft : new boolean[] {true, false}) {
                    Expression columnSide = new BoundReference(0, columnType, true, "c");
                    Expression constantSide = new Literal(constant, constantType);
                    Arithmetic withConstant = constantLeft ? new Arithmetic(operator, constantSide, columnSide) : new Arithmetic(operator, columnSide, constantSide);
                    Object expected = outcome(() -> constantLeft ? arithmetic(operator, repeated, values) : arithmetic(operator, values, repeated));
                    Object actual = outcome(() -> withConstant.eval(Batch.of(values)));
                    assertThat(actual).as("%s %s %s", constantLeft ? constant : java.util.Arrays.toString(column), operator.symbol(),
                            constantLeft ? java.util.Arrays.toString(column) : constant).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aConstantAtThePrecisionEdgeStillRaisesTheAnsiError() {
        DecimalVector max18 = decimals(dec(18, 0), MAX_18, "1");
        Arithmetic plusOne = new Arithmetic(Operator.ADD, new BoundReference(0, max18.type(), true, "c"), new Literal(BigDecimal.ONE, dec(1, 0)));
        assertThat(objects(plusOne.eval(Batch.of(max18)))).containsExactly(new BigDecimal("1000000000000000000"), bd("2"));
        DecimalVector max38 = decimals(dec(38, 0), "99999999999999999999999999999999999999");
        Arithmetic twice = new Arithmetic(Operator.MULTIPLY, new Literal(new BigDecimal("2"), dec(1, 0)), new BoundReference(0, max38.type(), true, "c"));
        assertThatThrownBy(() -> twice.eval(Batch.of(max38)))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE));
    }

    @Test
    void productsCarryTheirBoundIntoSumsThatCrossTheLongRange() {
        // (x * (1 - d)) as q01 computes it; 1e9-sized products summed over batches past Long.MAX_VALUE
        DecimalType price = dec(15, 2);
        DecimalVector prices = decimals(price, "9999999999999.99", "-9999999999999.99", "9999999999999.99", "0.01");
        DecimalVector discounts = decimals(price, "0.00", "0.01", "0.00", "0.10");
        Arithmetic product = new Arithmetic(Operator.MULTIPLY, new BoundReference(0, price, true, "x"),
                new Arithmetic(Operator.SUBTRACT, new Literal(BigDecimal.ONE, dec(1, 0)), new BoundReference(1, price, true, "d")));
        DecimalVector products = (DecimalVector) product.eval(Batch.of(prices, discounts));
        assertThat(products.allLongs()).isTrue();
        assertThat(products.magnitudeBound()).isGreaterThanOrEqualTo(999999999999999L * 100);
        GroupedAccumulator sum = new Sum(new BoundReference(0, products.type(), true, "p"), false).newAccumulator();
        BigDecimal expected = BigDecimal.ZERO;
        for (int batch = 0; batch < 2000; batch++) {
            sum.update(new int[] {0, 1, 0, 1}, 4, products);
            expected = expected.add(objectSum(products, 0, 2));
        }
        assertThat(sum.result(2).getObject(0)).isEqualTo(expected.setScale(4));
        assertThat(sum.result(2).getObject(1)).isEqualTo(objectSum(products, 1, 3).multiply(BigDecimal.valueOf(2000)).setScale(4));
    }

    @Test
    void batchesOfOneGroupAndOfSeveralSumAlike() {
        Random random = new Random(3);
        DecimalType input = dec(12, 2);
        GroupedAccumulator sum = new Sum(new BoundReference(0, input, true, "d"), false).newAccumulator();
        BigDecimal[] expected = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (int batch = 0; batch < 200; batch++) {
            int n = 1 + random.nextInt(50);
            int only = random.nextBoolean() ? random.nextInt(3) : -1;
            int[] groups = new int[n];
            BigDecimal[] values = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                groups[i] = only >= 0 ? only : random.nextInt(3);
                values[i] = random.nextInt(10) == 0 ? randomValue(random, input) : BigDecimal.valueOf(random.nextInt(2001) - 1000, 2);
                expected[groups[i]] = expected[groups[i]].add(values[i]);
            }
            sum.update(groups, n, decimals(input, values));
        }
        assertThat(objects(sum.result(3))).containsExactly((Object[]) expected);
    }

    private static BigDecimal objectSum(DecimalVector values, int... positions) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int position : positions) {
            sum = sum.add(values.get(position));
        }
        return sum;
    }

    /** The values a computation answers, or the error class it raises. */
    private static Object outcome(java.util.function.Supplier<ColumnVector> computation) {
        try {
            return java.util.Arrays.asList(objects(computation.get()));
        } catch (EmberException e) {
            return e.errorClass();
        }
    }

    @Test
    void theMostNegativeLongIsNoSmallValue() {
        DecimalType wide = dec(38, 0);
        DecimalVector x = decimals(wide, String.valueOf(Long.MIN_VALUE), "5");
        DecimalVector y = decimals(dec(1, 0), "-1", "1");
        assertThat(objects(arithmetic(Operator.MULTIPLY, x, y))).containsExactly(new BigDecimal("9223372036854775808"), bd("5"));
        assertThat(objects(arithmetic(Operator.ADD, x, y))).containsExactly(new BigDecimal("-9223372036854775809"), bd("6"));
        assertThat(objects(arithmetic(Operator.SUBTRACT, y, x))).containsExactly(new BigDecimal("9223372036854775807"), bd("-4"));
    }

    @Test
    void sumsLeaveTheUncheckedLoopBeforeALongCouldOverflow() {
        DecimalType input = dec(18, 0);
        GroupedAccumulator sum = new Sum(new BoundReference(0, input, true, "d"), false).newAccumulator();
        String[] small = new String[100];
        java.util.Arrays.fill(small, "-3");
        String[] large = new String[100];
        java.util.Arrays.fill(large, "900000000000000000");
        int[] groups = new int[100];
        java.util.Arrays.fill(groups, 50, 100, 1);
        sum.update(groups, 100, decimals(input, small));
        for (int batch = 0; batch < 3; batch++) {
            sum.update(groups, 100, decimals(input, large));
        }
        sum.update(groups, 100, decimals(input, small));
        BigDecimal expected = new BigDecimal("900000000000000000").multiply(BigDecimal.valueOf(150)).add(BigDecimal.valueOf(-300));
        assertThat(objects(sum.result(2))).containsExactly(expected, expected);

        DecimalType wide = dec(38, 0);
        GroupedAccumulator extremes = new Sum(new BoundReference(0, wide, true, "d"), false).newAccumulator();
        extremes.update(new int[] {0, 0, 0}, 3, decimals(wide, String.valueOf(Long.MIN_VALUE), "-1", String.valueOf(Long.MIN_VALUE)));
        assertThat(extremes.result(1).getObject(0)).isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE).multiply(BigDecimal.valueOf(2)).subtract(BigDecimal.ONE));
    }

    @Test
    void sumStatesMergeAcrossTheLongRange() {
        DecimalType input = dec(18, 0);
        Sum sum = new Sum(new BoundReference(0, input, true, "d"), false);
        GroupedAccumulator partial = sum.newAccumulator();
        partial.update(new int[] {0, 0}, 2, decimals(input, MAX_18, MAX_18));
        ColumnVector[] state = partial.state(1);
        GroupedAccumulator merged = sum.newAccumulator();
        for (int i = 0; i < 6; i++) {
            merged.merge(new int[] {0}, 1, state);
        }
        assertThat(merged.result(1).getObject(0)).isEqualTo(new BigDecimal(MAX_18).multiply(BigDecimal.valueOf(12)));
    }

    @Test
    void averagesRoundHalfUpAwayFromZero() {
        DecimalType input = dec(3, 0);
        GroupedAccumulator avg = new Average(new BoundReference(0, input, true, "d"), false).newAccumulator();
        avg.update(new int[] {0, 0, 0, 1, 1, 1}, 6, decimals(input, "-1", "-1", "0", "2", "0", "0"));
        ColumnVector result = avg.result(2);
        assertThat(result.getObject(0)).isEqualTo(new BigDecimal("-0.6667"));
        assertThat(result.getObject(1)).isEqualTo(new BigDecimal("0.6667"));
    }

    @Test
    void negativeValuesRoundByTheirMode() {
        DecimalVector values = decimals(dec(5, 2), "-2.50", "-1.25", "-155.55", "2.50");
        assertThat(objects(round(RoundingMode.HALF_UP, values, 0))).containsExactly(bd("-3"), bd("-1"), bd("-156"), bd("3"));
        assertThat(objects(round(RoundingMode.HALF_EVEN, values, 0))).containsExactly(bd("-2"), bd("-1"), bd("-156"), bd("2"));
        assertThat(objects(round(RoundingMode.HALF_UP, values, 1))).containsExactly(bd("-2.5"), bd("-1.3"), bd("-155.6"), bd("2.5"));
        assertThat(objects(round(RoundingMode.HALF_UP, values, -1))).containsExactly(bd("0"), bd("0"), bd("-160"), bd("0"));
        assertThat(objects(round(RoundingMode.FLOOR, values, 1))).containsExactly(bd("-2.5"), bd("-1.3"), bd("-155.6"), bd("2.5"));
        assertThat(objects(round(RoundingMode.CEILING, values, 1))).containsExactly(bd("-2.5"), bd("-1.2"), bd("-155.5"), bd("2.5"));
        FloorCeil floor = new FloorCeil(false, "floor", new BoundReference(0, values.type(), true, "x"));
        FloorCeil ceil = new FloorCeil(true, "ceil", new BoundReference(0, values.type(), true, "x"));
        assertThat(objects(floor.eval(Batch.of(values)))).containsExactly(bd("-3"), bd("-2"), bd("-156"), bd("2"));
        assertThat(objects(ceil.eval(Batch.of(values)))).containsExactly(bd("-2"), bd("-1"), bd("-155"), bd("3"));
    }

    @Test
    void rescalingRoundsHalfUpAndCastsTruncate() {
        DecimalVector values = decimals(dec(18, 3), "-0.005", "0.005", "-123456789012345.678", "999999999999999.999");
        assertThat(objects(cast(values, dec(18, 2)))).containsExactly(bd("-0.01"), bd("0.01"), bd("-123456789012345.68"), bd("1000000000000000.00"));
        assertThat(objects(cast(values, AtomicType.LONG))).containsExactly(0L, 0L, -123456789012345L, 999999999999999L);
        assertThat(objects(cast(values, AtomicType.DOUBLE))).containsExactly(-0.005, 0.005, -123456789012345.678, 999999999999999.999);
        assertThatThrownBy(() -> cast(values, AtomicType.INT))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CAST_OVERFLOW));
    }

    @Test
    void equalValuesHashAndCompareEquallyWhateverTheirScaleOrLayout() {
        DecimalVector narrow = decimals(dec(5, 1), "1.0", "-2.5");
        DecimalVector wide = decimals(dec(38, 3), "1.000", "-2.500");
        assertThat(narrow.equalsAt(0, wide, 0)).isTrue();
        assertThat(narrow.compareAt(1, wide, 0)).isNegative();
        int[] narrowHashes = new int[2];
        int[] wideHashes = new int[2];
        narrow.hashInto(narrowHashes);
        wide.hashInto(wideHashes);
        assertThat(narrowHashes).containsExactly(wideHashes);
        DecimalVector huge = decimals(dec(38, 0), "100000000000000000000", "100000000000000000000");
        assertThat(huge.equalsAt(0, huge, 1)).isTrue();
    }

    @Test
    void buildersTakeUnscaledLongsAndBigDecimals() {
        VectorBuilder.DecimalBuilder builder = (VectorBuilder.DecimalBuilder) VectorBuilder.create(dec(38, 2), 2);
        builder.appendUnscaled(-12345);
        builder.appendNull();
        builder.append(new BigDecimal("123456789012345678901234.5"));
        builder.appendObject(new BigDecimal("0.005"));
        ColumnVector built = builder.build();
        assertThat(objects(built)).containsExactly(bd("-123.45"), null, bd("123456789012345678901234.50"), bd("0.01"));
        VectorBuilder copy = VectorBuilder.create(dec(38, 2), 1);
        for (int i = 0; i < 4; i++) {
            copy.appendFrom(built, i);
        }
        assertThat(objects(copy.build())).containsExactly(objects(built));
    }

    private static BigDecimal oracle(Operator operator, BigDecimal x, BigDecimal y, DecimalType type) {
        return switch (operator) {
            case ADD -> x.add(y);
            case SUBTRACT -> x.subtract(y);
            case MULTIPLY -> x.multiply(y);
            case DIVIDE -> x.divide(y, type.scale(), RoundingMode.HALF_UP);
            case REMAINDER -> x.remainder(y);
            case PMOD -> {
                BigDecimal r = x.remainder(y);
                yield r.signum() < 0 ? r.add(y).remainder(y) : r;
            }
            case INTEGRAL_DIVIDE -> throw new IllegalArgumentException();
        };
    }

    /** Mostly values near the type's limits, where longs overflow, and zeros. */
    private static BigDecimal randomValue(Random random, DecimalType type) {
        int digits = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(3);
            default -> type.precision() - random.nextInt(2);
        };
        BigDecimal value = BigDecimal.ZERO;
        for (int i = 0; i < digits; i++) {
            value = value.multiply(BigDecimal.TEN).add(BigDecimal.valueOf(random.nextInt(10)));
        }
        value = value.movePointLeft(type.scale()).setScale(type.scale());
        return random.nextBoolean() ? value.negate() : value;
    }

    private static ColumnVector arithmetic(Operator operator, DecimalVector a, DecimalVector b) {
        Arithmetic arithmetic = new Arithmetic(operator, new BoundReference(0, a.type(), true, "a"), new BoundReference(1, b.type(), true, "b"));
        return arithmetic.eval(Batch.of(a, b));
    }

    private static ColumnVector cast(ColumnVector values, DataType to) {
        return new Cast(new BoundReference(0, values.type(), true, "x"), to).eval(Batch.of(values));
    }

    private static ColumnVector round(RoundingMode mode, ColumnVector values, int scale) {
        return new Round("round", mode, new BoundReference(0, values.type(), true, "x"), Literal.of(scale)).eval(Batch.of(values));
    }

    private static DecimalVector decimals(DecimalType type, BigDecimal... values) {
        return new DecimalVector(type, values.length, values, null);
    }

    private static DecimalVector decimals(DecimalType type, String... values) {
        BigDecimal[] parsed = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            parsed[i] = new BigDecimal(values[i]).setScale(type.scale());
        }
        return decimals(type, parsed);
    }

    private static Object[] objects(ColumnVector vector) {
        Object[] values = new Object[vector.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = vector.getObject(i);
        }
        return values;
    }

    private static BigDecimal bd(String text) {
        return new BigDecimal(text);
    }

    private static DecimalType dec(int precision, int scale) {
        return new DecimalType(precision, scale);
    }
}
