-- GROUP BY ordinals and expressions, NULL as its own group, aggregates that ignore NULLs, and HAVING on an alias-free aggregate.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('a', 1, 1.5D), ('a', NULL, 2.5D), (NULL, 3, NULL), (NULL, NULL, 4.0D), ('b', 5, 5.0D) AS t(g, i, d);
SELECT g, count(*), count(i), sum(i), avg(d), min(i), max(d) FROM t GROUP BY 1 ORDER BY 1 NULLS FIRST;
SELECT g IS NULL, count(*) FROM t GROUP BY g IS NULL ORDER BY 1;
SELECT coalesce(g, '?') AS k, sum(i) FROM t GROUP BY coalesce(g, '?') HAVING sum(i) IS NOT NULL ORDER BY k;
SELECT g, count(DISTINCT i), sum(DISTINCT i) FROM t GROUP BY g ORDER BY g;
SELECT count(*), count(g), count(DISTINCT g) FROM t;
SELECT g, i % 2 AS parity, count(*) FROM t GROUP BY g, i % 2 ORDER BY g, parity;
SELECT sum(i) FILTER (WHERE d > 2), count(*) FILTER (WHERE g IS NULL) FROM t;
SELECT g FROM t GROUP BY g HAVING max(d) > 3 ORDER BY g;
