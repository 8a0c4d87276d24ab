package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.sql.types.DataType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import java.time.ZoneId;
import java.util.Locale;

/**
 * {@code CAST(child AS type)} with ANSI semantics: malformed input and overflow are errors. A cast
 * the analyzer inserts ({@link #implicit}) computes the same but is not part of the expression's
 * name: Spark names {@code a + 1L} as {@code (a + 1)}, not {@code (CAST(a AS BIGINT) + 1)}.
 * Conversions between strings, dates and timestamps happen in the session time zone, which the
 * analyzer gives the cast.
 */
public final class Cast extends UnaryExpression implements TimeZoneAware {
    private static final long serialVersionUID = 1L;

    private final DataType targetType;
    private final boolean implicit;
    /** The session's zone; null until the analyzer gives it, and for casts that need none. */
    private final ZoneId zone;

    public Cast(Expression child, DataType targetType) {
        this(child, targetType, false, null);
    }

    private Cast(Expression child, DataType targetType, boolean implicit, ZoneId zone) {
        super(child);
        this.targetType = requireNonNull(targetType, "targetType is null");
        this.implicit = implicit;
        this.zone = zone;
    }

    /** A cast the analyzer inserts for type coercion; it names itself as its child. */
    public static Cast implicit(Expression child, DataType targetType) {
        return new Cast(child, targetType, true, null);
    }

    @Override
    public boolean needsZone() {
        return zone == null && child.resolved() && Casts.needsTimeZone(child.dataType(), targetType);
    }

    @Override
    public Cast withZone(ZoneId newZone) {
        return new Cast(child, targetType, implicit, newZone);
    }

    public boolean isImplicit() {
        return implicit;
    }

    @Override
    protected Expression copy(Expression newChild) {
        return new Cast(newChild, targetType, implicit, zone);
    }

    @Override
    public boolean nullIntolerant() {
        return true;
    }

    @Override
    public DataType dataType() {
        return targetType;
    }

    @Override
    public ColumnVector eval(Batch input) {
        ColumnVector value = child.eval(input);
        if (value.type().equals(targetType)) {
            return value;
        }
        if (zone != null) {
            return Casts.cast(value, targetType, child, zone);
        }
        if (Casts.needsTimeZone(value.type(), targetType)) {
            throw EmberException.internal("the cast " + this + " has no time zone; the analyzer gives one", null);
        }
        return Casts.cast(value, targetType, child);
    }

    @Override
    public String toString() {
        if (implicit) {
            return child.toString();
        }
        return "CAST(" + child + " AS " + targetType.simpleString().toUpperCase(Locale.ROOT) + ")";
    }
}
