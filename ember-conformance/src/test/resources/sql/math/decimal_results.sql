-- Decimal arithmetic: result precision and scale, rounding of divisions, and sums/averages of decimals.
SELECT 1.10 * 2.205, typeof(1.10 * 2.205), 10.00 / 3, typeof(10.00 / 3), 1.5 + 2.25, typeof(1.5 + 2.25);
SELECT CAST(123.456 AS DECIMAL(6, 3)) * CAST(2 AS DECIMAL(3, 0)), CAST(1 AS DECIMAL(10, 2)) / CAST(7 AS DECIMAL(10, 2));
SELECT round(2.345, 2), round(-2.345, 2), bround(2.345, 2), round(125.5, -1), floor(-1.5), ceil(1.2);
SELECT sum(v), avg(v), typeof(sum(v)), typeof(avg(v)) FROM VALUES (1.10), (2.20), (NULL), (3.30) AS t(v);
SELECT v * (1 - d) * (1 + t) FROM VALUES (CAST(1000.50 AS DECIMAL(12, 2)), CAST(0.05 AS DECIMAL(12, 2)), CAST(0.08 AS DECIMAL(12, 2))) AS x(v, d, t);
SELECT CAST(0.1 AS DOUBLE) + CAST(0.2 AS DECIMAL(3, 1)), 7 DIV 2, -7 DIV 2, 7 % -3, -7 % 3, pmod(-7, 3);
