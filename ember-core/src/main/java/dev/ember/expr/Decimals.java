package dev.ember.expr;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding decimal values to a type, with ANSI's error when they do not fit. */
public final class Decimals {
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
}
