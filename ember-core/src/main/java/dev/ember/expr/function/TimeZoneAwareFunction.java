package dev.ember.expr.function;

import dev.ember.error.EmberException;
import dev.ember.expr.Expression;
import dev.ember.expr.TimeZoneAware;
import java.time.ZoneId;
import java.util.List;

/** A function computed in the session time zone, which the analyzer gives it ({@link TimeZoneAware}). */
public abstract class TimeZoneAwareFunction extends ScalarFunction implements TimeZoneAware {
    private static final long serialVersionUID = 1L;

    /** Null until the analyzer gives the session's zone. */
    private final ZoneId zone;

    protected TimeZoneAwareFunction(List<Expression> arguments, ZoneId zone) {
        super(arguments);
        this.zone = zone;
    }

    /** The same function over other arguments, in {@code zone}. */
    protected abstract Expression copy(List<Expression> newArguments, ZoneId zone);

    @Override
    protected final Expression copy(List<Expression> newArguments) {
        return copy(newArguments, zone);
    }

    @Override
    public final boolean needsZone() {
        return zone == null;
    }

    @Override
    public final Expression withZone(ZoneId newZone) {
        return copy(arguments, newZone);
    }

    /** The zone to compute in; evaluating before the analyzer gave one is a bug. */
    protected final ZoneId zone() {
        if (zone == null) {
            throw EmberException.internal(this + " has no time zone; the analyzer gives one", null);
        }
        return zone;
    }
}
