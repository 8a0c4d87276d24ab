package dev.ember.expr.function;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Conversions between Ember's timestamps (microseconds since the epoch) and java.time. */
final class Timestamps {
    static final long MICROS_PER_SECOND = 1_000_000L;

    private Timestamps() {
    }

    static Instant toInstant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND), Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1000L);
    }

    /** @throws ArithmeticException beyond the range of a timestamp */
    static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
    }

    static ZonedDateTime inZone(long epochMicros, ZoneId zone) {
        return toInstant(epochMicros).atZone(zone);
    }

    /** The first instant of the day in {@code zone} (not always midnight: a DST change may skip it). */
    static long startOfDay(LocalDate date, ZoneId zone) {
        return toMicros(date.atStartOfDay(zone).toInstant());
    }
}
