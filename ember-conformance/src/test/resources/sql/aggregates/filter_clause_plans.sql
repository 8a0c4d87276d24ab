-- FILTER (WHERE ...) where the planner takes other paths: grouping sets, an input already grouped by the keys, a correlated subquery's count over no rows, filters on keys.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  (1, 'a', 10, true), (2, 'a', NULL, false), (3, 'a', 30, NULL), (4, 'b', 40, true),
  (5, 'b', 40, true), (6, 'b', NULL, true), (7, 'c', 70, false), (8, NULL, 80, true)
  AS t(id, k, v, ok);
SELECT k, ok, count(*) FILTER (WHERE v > 10), sum(v) FILTER (WHERE id > 2), grouping_id() FROM t GROUP BY ROLLUP(k, ok);
SELECT k, count(*) FILTER (WHERE k = 'a'), count(DISTINCT v) FILTER (WHERE k <> 'b'), count(DISTINCT id) FILTER (WHERE ok) FROM t GROUP BY k;
SELECT k, count(*) FILTER (WHERE c > 1), sum(c) FILTER (WHERE k IS NOT NULL), max(c) FROM (SELECT k, count(*) AS c FROM t GROUP BY k) GROUP BY k;
SELECT id, (SELECT count(*) FILTER (WHERE u.ok) FROM t u WHERE u.k = t.k) AS ok_in_k, (SELECT sum(u.v) FILTER (WHERE u.id > 2) FROM t u WHERE u.k = t.k) AS s FROM t ORDER BY id;
SELECT count(*) FILTER (WHERE ok), count(*) FILTER (WHERE ok), count(*) FILTER (WHERE (ok)), count(*) FROM t;
SELECT k, sum(DISTINCT v) FILTER (WHERE v > 10) AS a, sum(DISTINCT v) FILTER (WHERE v > 10 AND true) AS b, avg(v) FILTER (WHERE ok) AS c FROM t GROUP BY k;
SELECT k, percentile(v, 0.5) FILTER (WHERE ok), stddev(v) FILTER (WHERE id < 6), bool_and(ok) FILTER (WHERE v IS NOT NULL) FROM t GROUP BY k;
SELECT sum(CAST(v AS DECIMAL(10, 2))) FILTER (WHERE ok), avg(CAST(v AS DECIMAL(10, 2))) FILTER (WHERE id > 3), min(k) FILTER (WHERE v > 30) FROM t;
