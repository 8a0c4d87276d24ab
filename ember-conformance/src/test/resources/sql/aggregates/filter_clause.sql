-- The FILTER (WHERE ...) clause of aggregates: only the rows where the condition is true (not false, not NULL) feed the aggregate.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  (1, 'a', 10, true), (2, 'a', NULL, false), (3, 'a', 30, NULL), (4, 'b', 40, true),
  (5, 'b', 40, true), (6, 'b', NULL, true), (7, 'c', 70, false), (8, NULL, 80, true)
  AS t(id, k, v, ok);
SELECT count(*) FILTER (WHERE id > 2), count(v) FILTER (WHERE ok), count(*) FILTER (WHERE ok), count(*) FROM t;
SELECT k, sum(v) FILTER (WHERE ok), avg(v) FILTER (WHERE id % 2 = 0), max(v) FILTER (WHERE v < 40), count(*) FILTER (WHERE NOT ok) FROM t GROUP BY k;
SELECT k, count(*) FILTER (WHERE v IS NULL) AS nulls, min(id) FILTER (WHERE id > 100) AS none FROM t GROUP BY k ORDER BY k NULLS FIRST;
SELECT sum(v) FILTER (WHERE ok), sum(v) FILTER (WHERE ok = false), sum(v) FROM t;
SELECT sum(v) FILTER (WHERE CAST(NULL AS BOOLEAN)), count(*) FILTER (WHERE false), count(*) FILTER (WHERE true), count(DISTINCT k) FILTER (WHERE 1 = 1) FROM t;
SELECT count(*) FILTER (WHERE ok), sum(v) FILTER (WHERE ok), count(*) FROM t WHERE id < 0;
SELECT k, count(*) FILTER (WHERE ok) FROM t WHERE id < 0 GROUP BY k;
SELECT count(DISTINCT v) FILTER (WHERE ok), count(DISTINCT v), sum(DISTINCT v) FILTER (WHERE id > 1) FROM t;
SELECT k, count(DISTINCT v) FILTER (WHERE ok), sum(v) FILTER (WHERE id > 3), count(*) FROM t GROUP BY k;
SELECT k, count(DISTINCT v) FILTER (WHERE ok), count(DISTINCT id) FILTER (WHERE v > 20), sum(DISTINCT v), max(id) FILTER (WHERE ok) FROM t GROUP BY k;
SELECT count(DISTINCT k) FILTER (WHERE v > 10), count(DISTINCT v, k) FILTER (WHERE ok), sort_array(collect_set(k) FILTER (WHERE id < 5)) FROM t;
SELECT k, sum(v) FILTER (WHERE ok) AS s FROM t GROUP BY k HAVING count(*) FILTER (WHERE ok) > 1;
SELECT k FROM t GROUP BY k HAVING sum(v) FILTER (WHERE id > 1) > 40 ORDER BY k;
SELECT k, count(*) FILTER (WHERE ok) AS c FROM t GROUP BY k ORDER BY sum(id) FILTER (WHERE ok) DESC NULLS LAST, k;
SELECT k, count(*) FILTER (WHERE ok) + count(*) FILTER (WHERE NOT ok) AS decided, count(*) FILTER (WHERE ok) FILTER_COUNT FROM t GROUP BY k;
SELECT max_by(id, v) FILTER (WHERE v < 40), count_if(ok) FILTER (WHERE id > 3), sort_array(collect_list(id) FILTER (WHERE k = 'b')) FROM t;
SELECT k, count(*) FILTER (WHERE k IN ('a', 'b') AND v > 20 OR id = 7) FROM t GROUP BY k;
SELECT sum(CAST(v AS SMALLINT)) FILTER (WHERE ok), avg(CAST(id AS STRING)) FILTER (WHERE ok), count(*) FILTER (WHERE ok AND v > 10) FROM t;
