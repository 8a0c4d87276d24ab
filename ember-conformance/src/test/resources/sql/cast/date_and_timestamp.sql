-- Dates to and from timestamps (split from cast/boolean_and_date.sql: needs TIMESTAMP literals).
SELECT CAST(DATE '2024-01-02' AS TIMESTAMP), CAST(TIMESTAMP '2024-01-02 23:59:59' AS DATE);
