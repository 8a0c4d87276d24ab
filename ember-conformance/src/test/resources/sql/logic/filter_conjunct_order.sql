-- Spark's generated filter code drops a row at its first conjunct that is not TRUE, so a later conjunct that would fail
-- (divide by zero) is not evaluated where an earlier one is NULL; IS NOT NULL conjuncts run before the first conjunct
-- that reads their column. A filter right over VALUES is evaluated whole as one AND (logic/filter_chains.sql): a NULL
-- on the left evaluates the right. Over a Parquet table, range(), an aggregate (HAVING) and an outer join.
DROP TABLE IF EXISTS conj_pq;
CREATE TABLE conj_pq USING parquet LOCATION '${tmp}/conj_pq' AS
  SELECT id, CASE WHEN id % 7 = 3 THEN NULL ELSE id % 10 END AS k, CASE WHEN id % 5 = 0 THEN NULL ELSE CAST(id * 1.5 AS DECIMAL(12, 2)) END AS price
  FROM range(5000);
SELECT count(*) FROM conj_pq WHERE coalesce(k, price) > 100 AND id DIV (id % 35 - 10) > 0;
SELECT count(*) FROM (SELECT * FROM conj_pq WHERE coalesce(k, price) > 100) WHERE id DIV (id % 35 - 10) > 0;
SELECT count(*) FROM (SELECT * FROM conj_pq WHERE id DIV (id % 35 - 10) > 0) WHERE coalesce(k, price) > 100;
WITH kept AS (SELECT id, k + 1 AS k1, price FROM conj_pq WHERE price > 3000) SELECT count(*) FROM kept WHERE k1 IS NOT NULL AND 10 DIV coalesce(k1, 0) > 0;
SELECT count(*), sum(id) FROM conj_pq WHERE id < 4000 AND k > 5 AND 10 DIV (id % 7 - 3) > 0;
SELECT count(*) FROM conj_pq WHERE k + price > 50 AND id < 4000 AND 100 DIV (id % 7 - 3) <> 7;
SELECT count(*) FROM conj_pq WHERE 10 DIV coalesce(k + 1, 0) >= 0 AND k IS NOT NULL;
SELECT count(*) FROM conj_pq WHERE id % 2 = 0 AND 10 DIV coalesce(k + 1, 0) >= 0 AND k > 0;
SELECT count(*) FROM conj_pq WHERE 10 DIV coalesce(k + 1, 0) >= 0 AND (k + 1) IS NOT NULL;
SELECT count(*) FROM conj_pq WHERE 10 DIV coalesce(k + 1, 0) >= 0 AND coalesce(k, 1) + id > 0;
SELECT count(*) FROM conj_pq WHERE 10 DIV coalesce(k + 1, 0) >= 0 AND CAST(k AS STRING) <> 'x';
SELECT count(*) FROM conj_pq WHERE 10 DIV coalesce(k + 1, 0) >= 0 AND NOT (k = 3);
SELECT count(*) FROM conj_pq WHERE 10 DIV coalesce(k + 1, 0) >= 0 AND k IN (1, 2);
SELECT count(*) FROM conj_pq WHERE 10 DIV coalesce(k + 1, 0) >= 0 AND upper(CAST(k AS STRING)) LIKE '1%';
SELECT id FROM range(40) WHERE CASE WHEN id % 4 = 0 THEN NULL ELSE id > 20 END AND 100 DIV (id % 4) > 0 ORDER BY id;
SELECT k, count(*) AS c FROM conj_pq GROUP BY k HAVING max(k) > 7 AND 10 DIV count(k) >= 0 ORDER BY k;
SELECT a.i, b.j FROM VALUES (1), (2), (CAST(NULL AS INT)), (3) AS a(i) LEFT JOIN VALUES (2), (CAST(NULL AS INT)) AS b(j) ON a.i = b.j
  WHERE coalesce(b.j, a.i) > 1 AND 10 DIV coalesce(b.j, a.i, 0) > 0;
SELECT i FROM VALUES (1), (2), (CAST(NULL AS INT)) AS v(i) WHERE i > 1 AND 10 DIV coalesce(i, 0) > 0;
SELECT j FROM (SELECT i + 0 AS j FROM VALUES (1), (2), (CAST(NULL AS INT)) AS v(i)) WHERE j > 1 AND 10 DIV coalesce(j, 0) > 0;
CREATE OR REPLACE TEMPORARY VIEW local_rows AS SELECT * FROM VALUES (1, 'a'), (2, 'b'), (CAST(NULL AS INT), 'c') AS v(i, s);
SELECT s FROM local_rows WHERE i > 1 AND 10 DIV coalesce(i, 0) > 0;
SELECT s FROM (SELECT * FROM local_rows UNION ALL SELECT * FROM local_rows) WHERE i > 1 AND 10 DIV coalesce(i, 0) > 0;
SELECT s, count(*) FROM local_rows GROUP BY s HAVING max(i) > 1 AND 10 DIV coalesce(max(i), 0) > 0;
DROP TABLE conj_pq;
