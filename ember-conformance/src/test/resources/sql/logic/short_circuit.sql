-- AND and OR evaluate their right side only where the left does not decide: a guard keeps an ANSI error away.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (4, 2), (3, 0), (9, 3), (5, CAST(NULL AS INT)) AS t(a, b);
SELECT a, b FROM t WHERE b <> 0 AND a / b > 1;
SELECT a, b FROM t WHERE b = 0 OR a / b > 2;
SELECT a, b, b <> 0 AND a div b > 1 AS guarded, b = 0 OR a div b >= 3 AS either FROM t;
SELECT a, b FROM t WHERE (b IS NULL OR b <> 0) AND (b IS NULL OR a % b = 0);
SELECT count(*) FROM t WHERE b <> 0 AND CAST(a / b AS INT) IN (2, 3);
SELECT a, b FROM t WHERE b = 0 AND a / b > 1;
