-- The session time zone set with SET: literals are read and printed in it, functions work in it.
SET spark.sql.session.timeZone=UTC;
SELECT TIMESTAMP '2024-01-02 03:04:05', CAST(TIMESTAMP '2024-01-02 03:04:05' AS STRING), hour(TIMESTAMP '2024-01-02 03:04:05+13:00'), CAST(TIMESTAMP '2024-01-02 23:30:00' AS DATE);
SET spark.sql.session.timeZone=America/Los_Angeles;
SELECT TIMESTAMP '2024-01-02 03:04:05', CAST(TIMESTAMP '2024-01-02 03:04:05 UTC' AS STRING), date_trunc('DAY', TIMESTAMP '2024-03-10 12:00:00'), from_unixtime(0), to_timestamp('2024-01-02 03:04:05'), unix_timestamp(TIMESTAMP '1970-01-01 00:00:00'), date_format(TIMESTAMP '2024-01-02 03:04:05 UTC', 'yyyy-MM-dd HH:mm');
SET spark.sql.session.timeZone=+05:30;
SELECT CAST(TIMESTAMP '2024-01-02 03:04:05 UTC' AS STRING), hour(TIMESTAMP '2024-01-02 00:00:00 UTC'), minute(TIMESTAMP '2024-01-02 00:00:00 UTC'), year(TIMESTAMP '2023-12-31 20:00:00 UTC');
