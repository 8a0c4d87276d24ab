-- round, bround, ceil and floor with a scale: negative scales, decimal result types, integral and double inputs.
SELECT round(123.456, -5), round(1234.5, -2), bround(25, -1), bround(35L, -1), round(9223372036854775807L, -2);
SELECT ceil(3.14159D, 2), floor(3.14159D, 2), ceiling(3.14159, 2), ceil(5, 1), floor(-2.5D, 0);
SELECT floor(99.9, -1), floor(12345, -2), bround(1.25D, 1), round(1.45D, 1), round(CAST('NaN' AS DOUBLE)), round(1e300D, -300);
SELECT round(1.5, 1 + 1), round(NULL, 1), round(CAST(NULL AS DECIMAL(5,2)), 1), round(-0.0001, 2), bround(-2.5, 0);
CREATE OR REPLACE TEMPORARY VIEW n AS SELECT * FROM VALUES (1, -2.5D, 1.25), (NULL, NULL, NULL), (-7, 100.5D, -0.05) AS n(i, d, m);
SELECT i, round(i, -1), round(d), bround(m, 1), floor(m), ceil(d), floor(d, 1), ceil(m, -1) FROM n;
