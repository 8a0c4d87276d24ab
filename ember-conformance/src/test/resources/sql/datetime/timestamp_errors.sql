-- Malformed timestamps under ANSI: casts fail with CAST_INVALID_INPUT, parsing with a pattern with CANNOT_PARSE_TIMESTAMP.
SELECT CAST('2024-13-01 00:00:00' AS TIMESTAMP);
SELECT CAST('not a time' AS TIMESTAMP);
SELECT to_timestamp('2024/01/02', 'yyyy-MM-dd');
SELECT unix_timestamp('xx', 'yyyy-MM-dd');
SELECT to_timestamp('xx');
SELECT unix_timestamp('2024-07-15 23:59:59.5');
SELECT make_date(2024, 2, 30);
SELECT make_timestamp(2024, 1, 2, 25, 0, 0);
SELECT CAST(CAST('Infinity' AS DOUBLE) AS TIMESTAMP);
