-- Filters of several conditions over columns with NULLs: AND/OR chains, constants on either side of a comparison, IN with NULL, LIKE, NOT, a guard.
CREATE OR REPLACE TEMPORARY VIEW f AS SELECT * FROM VALUES
  (1, 10L, DATE '1994-01-01', 0.05, 1.5D, 'MAIL'),
  (2, CAST(NULL AS BIGINT), DATE '1994-06-30', 0.07, CAST('NaN' AS DOUBLE), 'SHIP'),
  (3, 30L, CAST(NULL AS DATE), 0.06, -0.0D, CAST(NULL AS STRING)),
  (CAST(NULL AS INT), 40L, DATE '1995-01-01', CAST(NULL AS DECIMAL(2, 2)), 0.0D, 'AIR'),
  (5, 50L, DATE '1993-12-31', 0.08, CAST(NULL AS DOUBLE), 'AIR REG'),
  (6, 60L, DATE '1994-03-15', 0.05, 2.5D, 'MAIL')
  AS f(i, l, d, m, x, s);
SELECT i FROM f WHERE d >= DATE '1994-01-01' AND d < DATE '1995-01-01' AND m BETWEEN 0.05 AND 0.07 AND l < 55;
SELECT i, d >= DATE '1994-01-01' AND l < 35 AND s <> 'SHIP' AS chain, 24 > l OR x = 0.0 OR s IN ('AIR', NULL) AS either FROM f;
SELECT i FROM f WHERE (s IN ('MAIL', 'AIR') AND i > 1) OR (s LIKE 'SH%' AND l IS NULL) OR x <=> CAST('NaN' AS DOUBLE);
SELECT i, NOT (s LIKE '%AI%') AS not_like, s NOT IN ('MAIL', NULL) AS not_in, x > 1.0 AS gt, 0.06 <= m AS le, 'B' > s AS before_b FROM f;
SELECT i, x = 0.0 AS zero, x >= CAST('NaN' AS DOUBLE) AS nan_top, l <> 30 OR d IS NULL AS ne FROM f;
SELECT i FROM f WHERE i > 2 AND i <> 3 AND 100 div (i - 3) >= 10;
SELECT i FROM f WHERE d > DATE '2000-01-01' AND 10 div (i - i) > 1;
