-- Timestamps read, printed and taken apart in the session time zone (Pacific/Chatham in the tests).
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (TIMESTAMP '2024-01-02 03:04:05.123456', '2024-07-15 23:59:59.5'), (TIMESTAMP '1969-12-31 23:59:59.999999', '1970-01-01 00:00:00'), (NULL, NULL) AS t(ts, text);
SELECT ts, CAST(ts AS STRING), CAST(ts AS DATE), CAST(text AS TIMESTAMP), CAST(CAST(text AS TIMESTAMP) AS STRING) FROM t;
SELECT hour(ts), minute(ts), second(ts), year(ts), month(ts), day(ts), dayofweek(ts), hour(text), minute('2024-01-02 10:20:30') FROM t;
SELECT to_timestamp(text), to_timestamp('02/01/2024 10:20', 'dd/MM/yyyy HH:mm'), unix_timestamp(ts), unix_timestamp('2024-07-15 23:59:59'), unix_timestamp('2024-01-02', 'yyyy-MM-dd'), unix_timestamp(DATE '1970-01-02'), to_unix_timestamp(ts) FROM t;
SELECT from_unixtime(0), from_unixtime(1704164645, 'yyyy-MM-dd HH:mm'), from_unixtime(unix_timestamp(ts)), from_unixtime(NULL) FROM t;
SELECT date_trunc('YEAR', ts), date_trunc('month', ts), date_trunc('DAY', ts), date_trunc('HOUR', ts), date_trunc('minute', ts), date_trunc('second', ts), date_trunc('week', ts), date_trunc('quarter', ts), date_trunc('millisecond', ts), date_trunc('microsecond', ts), date_trunc('bogus', ts) FROM t;
SELECT trunc(DATE '2024-05-17', 'YEAR'), trunc(DATE '2024-05-17', 'MM'), trunc(DATE '2024-05-17', 'week'), trunc(DATE '2024-05-17', 'Q'), trunc(DATE '2024-05-17', 'day'), trunc(TIMESTAMP '2024-05-17 10:00:00', 'month');
SELECT make_date(2024, 2, 29), make_timestamp(2024, 1, 2, 3, 4, 5.123456), make_timestamp(2024, 1, 2, 3, 4, 5), current_timestamp() = now(), typeof(current_timestamp()), current_timestamp() > TIMESTAMP '2020-01-01 00:00:00';
SELECT ts + INTERVAL '1' DAY AS a, ts - INTERVAL '2' HOUR AS b, ts + INTERVAL '1' MONTH AS c, ts + INTERVAL '1 02:03:04' DAY TO SECOND AS d, INTERVAL '3' MINUTE + ts AS e FROM t;
SELECT CAST(ts AS BIGINT), CAST(ts AS DOUBLE), CAST(ts AS DECIMAL(20, 6)), CAST(1704164645 AS TIMESTAMP), CAST(1.5D AS TIMESTAMP), CAST(-1.5BD AS TIMESTAMP), CAST(DATE '2024-01-02' AS TIMESTAMP) FROM t;
SELECT ts < TIMESTAMP '2000-01-01 00:00:00', ts = '2024-01-02 03:04:05.123456', ts > DATE '2024-01-01', coalesce(ts, DATE '2000-01-01'), typeof(coalesce(ts, DATE '2000-01-01')) FROM t;
SELECT ts, count(*) FROM t GROUP BY ts ORDER BY ts NULLS FIRST;
