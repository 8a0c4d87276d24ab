-- Structs as grouping keys, DISTINCT, join keys and sort keys (nulls inside sort first).
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT named_struct('a', a, 'b', b) AS s, v FROM VALUES
  (1, 'x', 10), (1, 'x', 20), (2, NULL, 30), (2, NULL, 40), (1, 'y', 50), (NULL, 'x', 60) AS t(a, b, v);
SELECT s, sum(v) FROM t GROUP BY s;
SELECT DISTINCT s FROM t;
SELECT count(DISTINCT s) FROM t;
SELECT s, v FROM t ORDER BY s, v;
SELECT s, v FROM t ORDER BY s DESC, v;
SELECT x.v, y.v FROM t x JOIN t y ON x.s = y.s AND x.v < y.v;
SELECT s = named_struct('a', 1, 'b', 'x') AS eq, v FROM t;
SELECT max(s), min(s) FROM t;
SELECT id, s FROM (SELECT id, CASE WHEN id % 3 = 0 THEN NULL ELSE named_struct('k', id % 2, 'v', id) END AS s FROM range(7)) ORDER BY s DESC NULLS LAST, id;
SELECT id, s FROM (SELECT id, CASE WHEN id % 3 = 0 THEN NULL ELSE named_struct('k', id % 2, 'v', id) END AS s FROM range(7)) ORDER BY s, id;
