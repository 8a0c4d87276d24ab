package dev.ember.sql.types;

/** {@code decimal(precision, scale)}, precision at most 38 as in Spark. */
public record DecimalType(int precision, int scale) implements DataType {
    public static final int MAX_PRECISION = 38;
    /** The type of {@code sum} and other results that Spark bounds to the system default. */
    public static final DecimalType SYSTEM_DEFAULT = new DecimalType(38, 18);

    public DecimalType {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("decimal precision must be in [1, 38]: " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal scale must be in [0, precision]: " + scale);
        }
    }

    /** Precision and scale each capped at 38 (Spark's {@code DecimalType.bounded}): for sum, avg and common types. */
    public static DecimalType bounded(int precision, int scale) {
        return new DecimalType(Math.min(precision, MAX_PRECISION), Math.min(scale, MAX_PRECISION));
    }

    /**
     * Spark's rule for arithmetic results that would exceed 38 digits ({@code adjustPrecisionScale},
     * with {@code spark.sql.decimalOperations.allowPrecisionLoss=true}): keep the integral digits
     * and cut the scale, but not below 6 (or below the scale itself when that is smaller).
     */
    public static DecimalType adjusted(int precision, int scale) {
        if (precision <= MAX_PRECISION) {
            return new DecimalType(precision, scale);
        }
        int integralDigits = precision - scale;
        int minScale = Math.min(scale, 6);
        int adjustedScale = Math.max(MAX_PRECISION - integralDigits, minScale);
        return new DecimalType(MAX_PRECISION, adjustedScale);
    }

    /** The decimal type that holds every value of an integral type. */
    public static DecimalType forIntegral(DataType type) {
        if (type == AtomicType.BYTE) {
            return new DecimalType(3, 0);
        }
        if (type == AtomicType.SHORT) {
            return new DecimalType(5, 0);
        }
        if (type == AtomicType.INT) {
            return new DecimalType(10, 0);
        }
        if (type == AtomicType.LONG) {
            return new DecimalType(20, 0);
        }
        throw new IllegalArgumentException("not an integral type: " + type);
    }

    @Override
    public String simpleString() {
        return "decimal(" + precision + "," + scale + ")";
    }

    @Override
    public String toString() {
        return simpleString();
    }
}
