-- SELECT without FROM over function calls (split from basics/select_without_from.sql: needs abs).
SELECT 1 + 1, upper('a'), abs(-1), NULL, CAST(1 AS BIGINT);
