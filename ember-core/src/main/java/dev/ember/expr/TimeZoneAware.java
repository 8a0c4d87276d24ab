package dev.ember.expr;

import java.time.ZoneId;

/**
 * An expression whose result depends on the session time zone ({@code ember.sql.session.timeZone}):
 * casts between strings, dates and timestamps, calendar fields of timestamps, timestamp literals
 * (which print in it). As in Spark, the analyzer gives each such expression the session's zone,
 * which then travels with the plan, so that a query means what it meant when it was analyzed.
 */
public interface TimeZoneAware {
    /** Whether this expression still waits for the session's zone. */
    boolean needsZone();

    /** This expression in {@code zone}. */
    Expression withZone(ZoneId zone);
}
