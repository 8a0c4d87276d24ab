-- Formatting and parsing dates and timestamps with patterns (session time zone UTC in the suite).
SELECT date_format(DATE '2024-07-04', 'yyyy-MM-dd'), date_format(DATE '2024-07-04', 'dd/MM/yy'), date_format(TIMESTAMP '2024-07-04 13:05:09', 'HH:mm:ss'), date_format(DATE '2024-07-04', 'MMM d, yyyy');
SELECT to_date('2024-07-04'), to_date('04.07.2024', 'dd.MM.yyyy'), to_date(NULL);
SELECT to_timestamp('2024-07-04 13:05:09'), to_timestamp('2024/07/04 13:05', 'yyyy/MM/dd HH:mm');
SELECT unix_timestamp(TIMESTAMP '1970-01-02 00:00:00'), unix_timestamp('2024-07-04 00:00:00'), from_unixtime(86400);
SELECT date_trunc('HOUR', TIMESTAMP '2024-07-04 13:05:09'), date_trunc('MONTH', TIMESTAMP '2024-07-04 13:05:09'), date_trunc('WEEK', TIMESTAMP '2024-07-04 13:05:09');
SELECT CAST('2024-07-04' AS DATE), CAST(DATE '2024-07-04' AS STRING), CAST(TIMESTAMP '2024-07-04 01:02:03.5' AS STRING);
