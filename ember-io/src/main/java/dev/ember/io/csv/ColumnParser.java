package dev.ember.io.csv;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.Decimals;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.DecimalVector;
import dev.ember.vector.VectorBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;

/**
 * Parses one column's CSV fields straight into a vector. A row's value is first staged, then
 * committed once the reader knows the whole row is kept (DROPMALFORMED drops rows with any bad
 * value), so that no row object is ever built. Null text ({@code nullValue}) is handled by the
 * caller through {@link #stageNull()}.
 */
abstract class ColumnParser {
    protected final DataType type;
    protected VectorBuilder builder;
    protected boolean pendingNull;

    private ColumnParser(DataType type) {
        this.type = type;
        this.builder = VectorBuilder.create(type, Batch.TARGET_ROWS);
    }

    /** A parser for a column of this type, or UNSUPPORTED_FEATURE naming the column. */
    static ColumnParser forType(String column, DataType type, CsvOptions options) {
        if (type == AtomicType.STRING) {
            return new StringParser();
        }
        if (type == AtomicType.INT) {
            return new IntParser(type, (record, field) -> Integer.parseInt(record.charSequence(), record.start(field), record.end(field), 10));
        }
        if (type == AtomicType.SHORT) {
            return new IntParser(type, (record, field) -> Short.parseShort(record.text(field)));
        }
        if (type == AtomicType.BYTE) {
            return new IntParser(type, (record, field) -> Byte.parseByte(record.text(field)));
        }
        if (type == AtomicType.DATE) {
            return new IntParser(type, (record, field) -> options.dateTime.parseDate(record.text(field)));
        }
        if (type == AtomicType.LONG) {
            return new LongParser(type, (record, field) -> Long.parseLong(record.charSequence(), record.start(field), record.end(field), 10));
        }
        if (type == AtomicType.TIMESTAMP) {
            return new LongParser(type, (record, field) -> options.dateTime.parseTimestamp(record.text(field)));
        }
        if (type == AtomicType.DOUBLE || type == AtomicType.FLOAT) {
            return new DoubleParser(type, options);
        }
        if (type == AtomicType.BOOLEAN) {
            return new BooleanParser();
        }
        if (type instanceof DecimalType decimal) {
            return new DecimalParser(decimal);
        }
        if (type == AtomicType.NULL) {
            return new NullParser();
        }
        throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature",
                "reading CSV column `" + column + "` of type " + type.simpleString());
    }

    /**
     * Stages the value of {@code field} of the record and returns true, or returns false when the
     * text is not a value of this type (then nothing is staged; the caller stages null or drops the row).
     */
    final boolean stage(CsvRecordCollector record, int field) {
        try {
            stageValue(record, field);
            pendingNull = false;
            return true;
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            return false;
        }
    }

    final void stageNull() {
        pendingNull = true;
    }

    /** Appends the staged value (or null) to the vector being built. */
    final void commit() {
        if (pendingNull) {
            builder.appendNull();
        } else {
            commitValue();
        }
    }

    /** The vector of the committed values; the parser then starts a new one. */
    final ColumnVector build() {
        ColumnVector vector = builder.build();
        builder = VectorBuilder.create(type, Batch.TARGET_ROWS);
        return vector;
    }

    /** Parses and stages, throwing NumberFormatException, ArithmeticException or DateTimeException on bad text. */
    protected abstract void stageValue(CsvRecordCollector record, int field);

    protected abstract void commitValue();

    @FunctionalInterface
    private interface IntField {
        int parse(CsvRecordCollector record, int field);
    }

    @FunctionalInterface
    private interface LongField {
        long parse(CsvRecordCollector record, int field);
    }

    private static final class IntParser extends ColumnParser {
        private final IntField parse;
        private int pending;

        IntParser(DataType type, IntField parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        protected void stageValue(CsvRecordCollector record, int field) {
            pending = parse.parse(record, field);
        }

        @Override
        protected void commitValue() {
            ((VectorBuilder.IntBuilder) builder).append(pending);
        }
    }

    private static final class LongParser extends ColumnParser {
        private final LongField parse;
        private long pending;

        LongParser(DataType type, LongField parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        protected void stageValue(CsvRecordCollector record, int field) {
            pending = parse.parse(record, field);
        }

        @Override
        protected void commitValue() {
            ((VectorBuilder.LongBuilder) builder).append(pending);
        }
    }

    /**
     * Doubles and floats as Java (and so Spark) parses them, plus the {@code nanValue},
     * {@code positiveInf} and {@code negativeInf} spellings.
     */
    private static final class DoubleParser extends ColumnParser {
        private final CsvOptions options;
        private final boolean isFloat;
        private double pending;

        DoubleParser(DataType type, CsvOptions options) {
            super(type);
            this.options = options;
            this.isFloat = type == AtomicType.FLOAT;
        }

        @Override
        protected void stageValue(CsvRecordCollector record, int field) {
            String text = record.text(field);
            if (text.equals(options.nanValue)) {
                pending = Double.NaN;
            } else if (text.equals(options.positiveInf)) {
                pending = Double.POSITIVE_INFINITY;
            } else if (text.equals(options.negativeInf)) {
                pending = Double.NEGATIVE_INFINITY;
            } else {
                pending = isFloat ? Float.parseFloat(text) : Double.parseDouble(text);
            }
        }

        @Override
        protected void commitValue() {
            ((VectorBuilder.DoubleBuilder) builder).append(pending);
        }
    }

    /** {@code true} and {@code false} in any case, as Spark's {@code toBoolean}. */
    private static final class BooleanParser extends ColumnParser {
        private boolean pending;

        BooleanParser() {
            super(AtomicType.BOOLEAN);
        }

        @Override
        protected void stageValue(CsvRecordCollector record, int field) {
            String text = record.text(field);
            if (text.equalsIgnoreCase("true")) {
                pending = true;
            } else if (text.equalsIgnoreCase("false")) {
                pending = false;
            } else {
                throw new NumberFormatException("not a boolean: " + text);
            }
        }

        @Override
        protected void commitValue() {
            ((VectorBuilder.BooleanBuilder) builder).append(pending);
        }
    }

    /**
     * Rounds half up to the column's scale; a value with too many digits for the precision is
     * malformed. Plain numbers ({@code -12.345}) of up to 18 digits are read straight into an
     * unscaled long; anything else (exponents, more digits) through {@link BigDecimal}.
     */
    private static final class DecimalParser extends ColumnParser {
        private final DecimalType decimal;
        private final long bound;
        private long pending;
        private BigDecimal pendingWide;

        DecimalParser(DecimalType decimal) {
            super(decimal);
            this.decimal = decimal;
            this.bound = decimal.precision() <= 18 ? Decimals.powerOfTen(decimal.precision()) : Long.MAX_VALUE;
        }

        @Override
        protected void stageValue(CsvRecordCollector record, int field) {
            char[] chars = record.chars();
            int start = record.start(field);
            int end = record.end(field);
            long unscaled = Decimals.parsePlain(chars, start, end, decimal.scale());
            if (unscaled != Decimals.NOT_PLAIN) {
                if (unscaled >= bound || unscaled <= -bound) {
                    throw new ArithmeticException("does not fit " + decimal.simpleString());
                }
                pending = unscaled;
                pendingWide = null;
                return;
            }
            BigDecimal value = new BigDecimal(chars, start, end - start).setScale(decimal.scale(), RoundingMode.HALF_UP);
            if (value.precision() > decimal.precision()) {
                throw new ArithmeticException(value + " does not fit " + decimal.simpleString());
            }
            pendingWide = value;
        }

        @Override
        protected void commitValue() {
            if (pendingWide == null) {
                ((VectorBuilder.DecimalBuilder) builder).appendUnscaled(pending);
            } else {
                ((VectorBuilder.DecimalBuilder) builder).append(pendingWide);
            }
        }
    }

    /** Encodes the field's characters as UTF-8 straight into the vector's bytes. */
    private static final class StringParser extends ColumnParser {
        private CsvRecordCollector record;
        private int field;

        StringParser() {
            super(AtomicType.STRING);
        }

        @Override
        protected void stageValue(CsvRecordCollector record, int field) {
            this.record = record;
            this.field = field;
        }

        @Override
        protected void commitValue() {
            int start = record.start(field);
            ((VectorBuilder.StringBuilder) builder).append(record.chars(), start, record.end(field) - start);
        }
    }

    /** The NULL type: every value is null, whatever the text. */
    private static final class NullParser extends ColumnParser {
        NullParser() {
            super(AtomicType.NULL);
        }

        @Override
        protected void stageValue(CsvRecordCollector record, int field) {
            pendingNull = true;
        }

        @Override
        protected void commitValue() {
            builder.appendNull();
        }
    }
}
