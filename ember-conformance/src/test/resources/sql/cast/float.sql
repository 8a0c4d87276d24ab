-- float (real): literals with F, casts to and from float, printing, arithmetic staying float.
SELECT 1.5F, CAST(0.1 AS FLOAT), CAST('2.5' AS REAL), CAST(1e40 AS FLOAT), CAST(7 AS FLOAT), typeof(1.5F), typeof(CAST(1 AS REAL));
SELECT CAST(CAST(0.1 AS FLOAT) AS STRING), CAST(1.1F AS DOUBLE), CAST(3.9F AS INT), CAST(-2.5F AS DECIMAL(3,1)), CAST(1e10F AS STRING), CAST(0.0F AS BOOLEAN);
SELECT 1.5F + 1, 1.1F * 3, 1.5F + 1.5D, 1.5F + 1.5, 7.5F / 2, 7.5F % 2, -(1.5F), 1.1F + 2.2F, 1.1F * 1.1F, 7.5F % 2F;
SELECT typeof(1.5F + 1), typeof(1.5F + 1L), typeof(1.5F + 1.5D), typeof(1.5F + 1.5), typeof(7.5F / 2), typeof(-(1.5F)), typeof(pmod(7.5F, 2)), typeof(1.1F + 2.2F), typeof(7.5F % 2F), typeof(CAST(1 AS TINYINT) + 1.5F);
CREATE OR REPLACE TEMPORARY VIEW f AS SELECT * FROM VALUES (CAST(1.25 AS FLOAT)), (CAST(2.5 AS FLOAT)), (NULL) AS f(x);
SELECT sum(x), avg(x), min(x), max(x), typeof(sum(x)), typeof(max(x)), count(DISTINCT x) FROM f;
SELECT x, x * 2, x > 2, x = 1.25 FROM f ORDER BY x;
SELECT CAST(3e9F AS INT);
