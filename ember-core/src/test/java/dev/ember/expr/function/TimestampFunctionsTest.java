package dev.ember.expr.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.expr.AddInterval;
import dev.ember.expr.BoundReference;
import dev.ember.expr.Expression;
import dev.ember.expr.IntervalLiteral;
import dev.ember.expr.Literal;
import dev.ember.expr.TimeZoneAware;
import dev.ember.expr.UnresolvedTimestampLiteral;
import dev.ember.sql.types.AtomicType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.LongVector;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timestamp functions around the DST changes of Pacific/Chatham (UTC+12:45 in winter, +13:45 in summer). */
class TimestampFunctionsTest {
    private static final ZoneId CHATHAM = ZoneId.of("Pacific/Chatham");
    private static final long MICROS_PER_HOUR = 3_600_000_000L;

    @Test
    void wallClockFieldsRepeatInTheHourTheClocksGoBack() {
        // On 2024-04-07 the clocks go back from 03:45 to 02:45: 13:30Z and 14:30Z both read 03:15.
        LongVector instants = timestamps("2024-04-06T13:30:00Z", "2024-04-06T14:30:00Z", "2024-04-06T15:30:00Z");
        assertThat(values(eval(TimestampPart.Field.HOUR, instants))).containsExactly(3, 3, 4);
        assertThat(values(eval(TimestampPart.Field.MINUTE, instants))).containsExactly(15, 15, 15);
    }

    @Test
    void fieldsOfInstantsBeforeTheEpochCountFromTheLocalDay() {
        LongVector instants = new LongVector(AtomicType.TIMESTAMP, 1, new long[] {-1}, null);
        assertThat(values(eval(TimestampPart.Field.SECOND, instants))).containsExactly(59);
        assertThat(values(eval(TimestampPart.Field.HOUR, instants))).containsExactly(12); // 1970-01-01 12:44:59.999999 in +12:45
    }

    @Test
    void truncatingToTheDayOfTheSpringForwardKeepsItsMidnightOffset() {
        LongVector noon = timestamps("2024-09-28T22:15:00Z"); // 2024-09-29 12:00 at +13:45, the day clocks skip 02:45-03:45
        Expression trunc = inChatham(new DateTrunc(Literal.of("DAY"), column(noon)));
        assertThat(values(trunc.eval(Batch.of(noon)))).containsExactly(Instant.parse("2024-09-28T11:15:00Z"));
        Expression week = inChatham(new DateTrunc(Literal.of("week"), column(noon)));
        assertThat(values(week.eval(Batch.of(noon)))).containsExactly(Instant.parse("2024-09-22T11:15:00Z")); // Monday 23rd at +12:45
        Expression unknown = inChatham(new DateTrunc(Literal.of("fortnight"), column(noon)));
        assertThat(values(unknown.eval(Batch.of(noon)))).containsExactly((Object) null);
    }

    @Test
    void wholeDaysOfAnIntervalAreCalendarDaysInTheZone() {
        LongVector noon = timestamps("2024-09-27T23:15:00Z"); // 2024-09-28 12:00 at +12:45
        Instant nextNoon = Instant.parse("2024-09-28T22:15:00Z"); // 2024-09-29 12:00 at +13:45: 23 hours later
        Expression plusDay = inChatham(new AddInterval(column(noon), new IntervalLiteral(0, 1, 0, "INTERVAL '1' DAY"), "x"));
        Expression plus24Hours = inChatham(new AddInterval(column(noon), new IntervalLiteral(0, 0, 24 * MICROS_PER_HOUR, "x"), "x"));
        Expression plus25Hours = inChatham(new AddInterval(column(noon), new IntervalLiteral(0, 0, 25 * MICROS_PER_HOUR, "x"), "x"));
        assertThat(values(plusDay.eval(Batch.of(noon)))).containsExactly(nextNoon);
        assertThat(values(plus24Hours.eval(Batch.of(noon)))).containsExactly(nextNoon);
        assertThat(values(plus25Hours.eval(Batch.of(noon)))).containsExactly(nextNoon.plusSeconds(3600));
    }

    @Test
    void aTimestampLiteralInTheSkippedHourMovesForwardAndPrintsAsItsInstant() {
        Literal literal = new UnresolvedTimestampLiteral("2024-09-29 02:50:00").withZone(CHATHAM);
        assertThat(literal.value()).isEqualTo(Instant.parse("2024-09-28T14:05:00Z"));
        assertThat(literal).hasToString("TIMESTAMP '2024-09-29 03:50:00'");
        Literal withOwnZone = new UnresolvedTimestampLiteral("2024-01-02 03:04:05.120 UTC").withZone(CHATHAM);
        assertThat(withOwnZone).hasToString("TIMESTAMP '2024-01-02 16:49:05.12'");
    }

    @Test
    void parsingWithAPatternFailsWithSparksErrorClassAndReadsZonesInTheText() {
        ColumnVector texts = Literal.of("2024/01/02").repeat(1);
        Expression parse = inChatham(new ParseTimestamp("to_timestamp", false, List.of(column(texts), Literal.of("yyyy-MM-dd"))));
        assertThatThrownBy(() -> parse.eval(Batch.of(texts)))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CANNOT_PARSE_TIMESTAMP));
        ColumnVector zoned = Literal.of("2024-01-02 03:04 +01:00").repeat(1);
        Expression seconds = inChatham(new ParseTimestamp("unix_timestamp", true, List.of(column(zoned), Literal.of("yyyy-MM-dd HH:mm XXX"))));
        assertThat(values(seconds.eval(Batch.of(zoned)))).containsExactly(Instant.parse("2024-01-02T02:04:00Z").getEpochSecond());
    }

    @Test
    void makeTimestampTakesSixtySecondsAsTheNextMinuteAndRejectsBadFields() {
        Expression sixty = inChatham(MakeDatetime.timestamp(List.of(Literal.of(2024), Literal.of(12), Literal.of(31), Literal.of(23),
                Literal.of(59), new Literal(new java.math.BigDecimal("60.000000"), new dev.ember.sql.types.DecimalType(16, 6)))));
        assertThat(values(sixty.eval(new Batch(List.of(), 1)))).containsExactly(Instant.parse("2024-12-31T10:15:00Z")); // 2025-01-01 00:00 at +13:45
        Expression badDay = MakeDatetime.date(List.of(Literal.of(2023), Literal.of(2), Literal.of(29)));
        assertThatThrownBy(() -> badDay.eval(new Batch(List.of(), 1)))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.DATETIME_FIELD_OUT_OF_BOUNDS));
    }

    private static Expression inChatham(Expression expression) {
        return ((TimeZoneAware) expression).withZone(CHATHAM);
    }

    private static ColumnVector eval(TimestampPart.Field field, LongVector instants) {
        return inChatham(new TimestampPart(field, column(instants))).eval(Batch.of(instants));
    }

    private static BoundReference column(ColumnVector vector) {
        return new BoundReference(0, vector.type(), true, "x");
    }

    private static LongVector timestamps(String... instants) {
        long[] micros = new long[instants.length];
        for (int i = 0; i < instants.length; i++) {
            Instant instant = Instant.parse(instants[i]);
            micros[i] = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
        }
        return new LongVector(AtomicType.TIMESTAMP, micros.length, micros, null);
    }

    private static Object[] values(ColumnVector vector) {
        Object[] values = new Object[vector.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = vector.getObject(i);
        }
        return values;
    }
}
