-- How a timestamp prints when cast to string (split from cast/to_string.sql: needs TIMESTAMP literals).
SELECT CAST(true AS STRING), CAST(DATE '2024-01-02' AS STRING), CAST(TIMESTAMP '2024-01-02 03:04:05' AS STRING);
