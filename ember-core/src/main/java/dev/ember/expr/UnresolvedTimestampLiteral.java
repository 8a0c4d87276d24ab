package dev.ember.expr;

import static java.util.Objects.requireNonNull;

import dev.ember.error.EmberException;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import java.time.ZoneId;

/**
 * {@code TIMESTAMP '2024-01-02 03:04:05'} as written: the text means an instant only in a time
 * zone, the session's when the text names none, which the analyzer knows and the parser does not
 * (a script's {@code SET spark.sql.session.timeZone} runs after the whole script is parsed). The
 * parser has checked the text already.
 */
public final class UnresolvedTimestampLiteral extends LeafExpression implements TimeZoneAware {
    private static final long serialVersionUID = 1L;

    private final String text;

    public UnresolvedTimestampLiteral(String text) {
        this.text = requireNonNull(text, "text is null");
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public DataType dataType() {
        return AtomicType.TIMESTAMP;
    }

    @Override
    public boolean needsZone() {
        return true;
    }

    /** The literal's instant, read in {@code zone} unless the text names a zone of its own. */
    @Override
    public Literal withZone(ZoneId zone) {
        long micros = Casts.parseTimestamp(text, zone).orElseThrow(
                () -> EmberException.internal("the parser accepted the timestamp literal '" + text + "'", null));
        return Literal.timestamp(micros, zone);
    }

    @Override
    public String toString() {
        return "TIMESTAMP '" + text + "'";
    }
}
