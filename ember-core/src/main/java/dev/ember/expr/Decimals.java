package dev.ember.expr;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.DecimalVector;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding decimal values to a type, with ANSI's error when they do not fit.
 *
 * <p>The {@code long} methods are the fast path on unscaled values: they answer exactly or throw
 * {@link ArithmeticException} when a long cannot hold the answer (or the value does not fit the
 * type); callers then redo the value with {@link BigDecimal}, which answers or raises Spark's error.
 */
public final class Decimals {
    /** What {@link #parsePlain} answers for text that is not a plain number of at most 18 digits. */
    public static final long NOT_PLAIN = Long.MIN_VALUE;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    /** {@code value} rounded half-up to the type's scale; an error when it needs more digits than the precision. */
    public static BigDecimal fit(BigDecimal value, DecimalType type) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
            throw EmberException.of(ErrorClass.NUMERIC_VALUE_OUT_OF_RANGE, "value", value.toPlainString(), "type", type.simpleString());
        }
        return scaled;
    }

    /** The unscaled value {@code unscaled / 10^scale} rounded half up to the type: {@link #fit} on longs. */
    public static long fit(long unscaled, int scale, DecimalType type) {
        long scaled = rescale(unscaled, scale, type.scale(), RoundingMode.HALF_UP);
        if (!fitsPrecision(scaled, type.precision())) {
            throw new ArithmeticException("does not fit " + type.simpleString());
        }
        return scaled;
    }

    /**
     * The plain number {@code [+-]digits[.digits]} in {@code chars[start .. end)} as an unscaled
     * long at {@code scale}, rounded half up; {@link #NOT_PLAIN} for anything else (exponents,
     * more digits than a long holds), which {@link BigDecimal} is to parse or reject.
     */
    public static long parsePlain(char[] chars, int start, int end, int scale) {
        int at = start;
        boolean negative = false;
        if (at < end && (chars[at] == '-' || chars[at] == '+')) {
            negative = chars[at] == '-';
            at++;
        }
        long digits = 0;
        int significant = 0;
        int fraction = 0;
        int seen = 0;
        boolean point = false;
        boolean dropped = false;
        boolean roundUp = false;
        for (; at < end; at++) {
            char c = chars[at];
            if (c == '.' && !point) {
                point = true;
                continue;
            }
            if (c < '0' || c > '9') {
                return NOT_PLAIN;
            }
            seen++;
            if (point && fraction == scale) {
                // beyond the scale: the first dropped digit decides the rounding, half up
                roundUp = dropped ? roundUp : c >= '5';
                dropped = true;
                continue;
            }
            if (significant == DecimalVector.MAX_LONG_DIGITS) {
                return NOT_PLAIN;
            }
            digits = digits * 10 + (c - '0');
            significant += digits == 0 ? 0 : 1;
            fraction += point ? 1 : 0;
        }
        if (seen == 0 || significant + scale - fraction > DecimalVector.MAX_LONG_DIGITS) {
            return NOT_PLAIN; // BigDecimal's to reject or to hold
        }
        digits = digits * powerOfTen(scale - fraction) + (roundUp ? 1 : 0);
        return negative ? -digits : digits;
    }

    /** Whether an unscaled value has at most {@code precision} digits. */
    public static boolean fitsPrecision(long unscaled, int precision) {
        if (precision > 18) {
            return true; // a long has at most 19 digits, and 19 would only matter at precision 19 or more
        }
        long bound = POWERS_OF_TEN[precision];
        return unscaled < bound && unscaled > -bound;
    }

    /** {@code 10^exponent}, which a long holds up to 10^18. */
    public static long powerOfTen(int exponent) {
        if (exponent < 0 || exponent >= POWERS_OF_TEN.length) {
            throw new ArithmeticException("10^" + exponent + " is no long");
        }
        return POWERS_OF_TEN[exponent];
    }

    /** An unscaled value moved from one scale to another, rounded by {@code mode} when digits are dropped. */
    public static long rescale(long unscaled, int fromScale, int toScale, RoundingMode mode) {
        if (toScale >= fromScale) {
            return toScale == fromScale ? unscaled : Math.multiplyExact(unscaled, powerOfTen(toScale - fromScale));
        }
        return divideByPowerOfTen(unscaled, fromScale - toScale, mode);
    }

    /** {@code value / 10^digits} rounded by {@code mode} (HALF_UP, HALF_EVEN, FLOOR, CEILING, DOWN). */
    public static long divideByPowerOfTen(long value, int digits, RoundingMode mode) {
        long divisor = powerOfTen(digits);
        long quotient = value / divisor;
        long remainder = value % divisor;
        return remainder == 0 ? quotient : quotient + roundingStep(quotient, remainder, divisor, mode);
    }

    /** {@code dividend / divisor} rounded half up; the divisor is not zero. */
    public static long divideHalfUp(long dividend, long divisor) {
        if (divisor == Long.MIN_VALUE) {
            throw new ArithmeticException("divisor has no absolute value");
        }
        long quotient = dividend / divisor;
        long remainder = dividend % divisor;
        if (remainder == 0) {
            return quotient;
        }
        long absRemainder = Math.abs(remainder);
        long absDivisor = Math.abs(divisor);
        boolean negative = (dividend < 0) != (divisor < 0);
        // |r| >= |d| - |r| is 2|r| >= |d| without overflow
        return absRemainder >= absDivisor - absRemainder ? quotient + (negative ? -1 : 1) : quotient;
    }

    /**
     * The step (-1, 0 or 1) that rounds a truncated quotient by {@code mode}; {@code remainder} is
     * non-zero with the dividend's sign and {@code divisor} is positive.
     */
    private static long roundingStep(long quotient, long remainder, long divisor, RoundingMode mode) {
        int sign = remainder < 0 ? -1 : 1;
        long twice = Math.abs(remainder) * 2; // the remainder is below 10^18, so no overflow
        return switch (mode) {
            case DOWN -> 0;
            case UP -> sign;
            case FLOOR -> sign < 0 ? -1 : 0;
            case CEILING -> sign > 0 ? 1 : 0;
            case HALF_UP -> twice >= divisor ? sign : 0;
            case HALF_DOWN -> twice > divisor ? sign : 0;
            case HALF_EVEN -> twice > divisor || twice == divisor && (quotient & 1) != 0 ? sign : 0;
            case UNNECESSARY -> throw new ArithmeticException("rounding necessary");
        };
    }
}
