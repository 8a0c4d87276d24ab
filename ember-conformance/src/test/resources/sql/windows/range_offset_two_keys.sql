-- A value offset needs exactly one order key.
CREATE OR REPLACE TEMPORARY VIEW rk AS SELECT * FROM VALUES (1, 2, 3) AS rk(a, b, v);
SELECT sum(v) OVER (ORDER BY a, b RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM rk;
