package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.config.EmberConf;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session time zone: set with SET or conf(), read by the analyzer, kept by analyzed plans. */
class SessionTimeZoneTest {
    private EmberSession ember;

    @BeforeEach
    void start() {
        ember = EmberSession.builder().master("local[1]").getOrCreate();
    }

    @AfterEach
    void stop() {
        ember.stop();
    }

    @Test
    void defaultsToTheJvmZoneAndTakesTheSparkName() {
        assertThat(ember.conf().sessionTimeZone()).isEqualTo(ZoneId.systemDefault());
        ember.sql("SET spark.sql.session.timeZone = UTC");
        assertThat(ember.conf().get(EmberConf.SESSION_TIME_ZONE, null)).isEqualTo("UTC");
        ember.conf().unset("spark.sql.session.timeZone");
        assertThat(ember.conf().sessionTimeZone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void anUnknownZoneIsRejectedWhenSet() {
        assertThatThrownBy(() -> ember.conf().set("spark.sql.session.timeZone", "Mars/Olympus"))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.INVALID_CONF_VALUE));
        assertThatThrownBy(() -> new EmberConf(Map.of("ember.sql.session.timeZone", "nowhere")))
                .isInstanceOf(EmberException.class);
    }

    @Test
    void literalsAndCastsReadAndPrintInTheZoneOfTheirAnalysis() {
        ember.conf().set("spark.sql.session.timeZone", "+05:30");
        DataFrame before = ember.sql("SELECT TIMESTAMP '2024-01-02 03:04:05' AS ts, CAST(TIMESTAMP '2024-01-02 00:00:00 UTC' AS STRING) AS text");
        ember.sql("SET spark.sql.session.timeZone=America/Los_Angeles");
        // Analyzed before the change, the query keeps its zone, as a Spark DataFrame does.
        assertThat(before.first()).isEqualTo(Row.of(Instant.parse("2024-01-01T21:34:05Z"), "2024-01-02 05:30:00"));
        DataFrame after = ember.sql("SELECT TIMESTAMP '2024-01-02 03:04:05' AS ts, hour(TIMESTAMP '2024-01-02 00:00:00 UTC') AS h");
        assertThat(after.first()).isEqualTo(Row.of(Instant.parse("2024-01-02T11:04:05Z"), 16));
        assertThat(ember.sql("SELECT TIMESTAMP '2024-07-01 12:00:00 UTC'").columns()).containsExactly("TIMESTAMP '2024-07-01 05:00:00'");
    }

    @Test
    void dataFrameFunctionsUseTheSessionZone() {
        ember.conf().set("ember.sql.session.timeZone", "Asia/Tokyo");
        DataFrame times = ember.sql("SELECT TIMESTAMP '2024-03-04 23:30:00 UTC' AS ts");
        Row row = times.select(functions.hour(col("ts")), functions.date_trunc("day", col("ts")), functions.unix_timestamp(col("ts")),
                functions.from_unixtime(functions.lit(0L)), functions.trunc(col("ts"), "month")).first();
        assertThat(row).isEqualTo(Row.of(8, Instant.parse("2024-03-04T15:00:00Z"), 1709595000L, "1970-01-01 09:00:00",
                java.time.LocalDate.of(2024, 3, 1)));
        assertThat(ember.sql("SELECT current_timestamp() = now(), current_date() = CAST(current_timestamp() AS DATE)").first())
                .isEqualTo(Row.of(true, true));
    }
}
