-- Spark 4 groups and deduplicates maps by their entries, whatever their order.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT m, v FROM VALUES
  (map(1, 'a', 2, 'b'), 1), (map(1, 'a', 2, 'b'), 2), (map(3, 'c'), 4), (map(1, 'a', 2, NULL), 8) AS t(m, v);
SELECT m, count(*), sum(v) FROM t GROUP BY m;
SELECT count(DISTINCT m) FROM t;
