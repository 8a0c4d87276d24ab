-- The FILTER (WHERE ...) clause of aggregates computed over a window: each frame folds only its rows where the condition is true.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  (1, 'a', 10, true), (2, 'a', NULL, false), (3, 'a', 30, NULL), (4, 'b', 40, true),
  (5, 'b', 40, true), (6, 'b', NULL, true), (7, 'c', 70, false), (8, NULL, 80, true)
  AS t(id, k, v, ok);
SELECT id, sum(v) FILTER (WHERE ok) OVER (PARTITION BY k), count(*) FILTER (WHERE v > 20) OVER () FROM t ORDER BY id;
SELECT id, sum(v) FILTER (WHERE ok) OVER (ORDER BY id), count(v) FILTER (WHERE id % 2 = 1) OVER (PARTITION BY k ORDER BY id) FROM t ORDER BY id;
SELECT id, max(v) FILTER (WHERE ok) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING),
  min(id) FILTER (WHERE v IS NULL) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM t ORDER BY id;
SELECT k, sum(v) FILTER (WHERE ok) AS s, rank() OVER (ORDER BY sum(v) FILTER (WHERE ok) DESC NULLS LAST) AS r,
  sum(count(*) FILTER (WHERE ok)) FILTER (WHERE k <> 'c') OVER () AS total FROM t GROUP BY k ORDER BY k NULLS FIRST;
