-- try_divide returns NULL for a zero divisor; nullif turns the divisor into NULL (split from errors/divide_by_zero.sql: needs nullif).
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 0), (2, 1) AS t(a, b);
SELECT try_divide(a, b), a / nullif(b, 0) FROM t;
