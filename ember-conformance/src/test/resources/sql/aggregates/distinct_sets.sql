CREATE OR REPLACE TEMPORARY VIEW m AS SELECT * FROM VALUES
  ('a', 1, 'x', 10L, 1.5D, 2.50),
  ('a', 1, 'y', 20L, NULL, 1.25),
  ('a', NULL, 'x', 30L, 2.5D, NULL),
  ('a', 2, NULL, NULL, 2.5D, 3.00),
  ('b', 3, 'z', 5L, 0.5D, 0.75),
  ('b', 3, 'z', 5L, 0.5D, 0.75),
  ('b', 4, 'z', NULL, NULL, 0.75),
  ('c', NULL, NULL, NULL, NULL, NULL),
  (NULL, 5, 'x', 1L, 1.0D, 1.00)
  AS m(g, x, s, y, w, p);
-- Several sets of DISTINCT arguments, grouped (a NULL key among the groups) and global.
SELECT g, count(DISTINCT x), count(DISTINCT s), sum(DISTINCT y) FROM m GROUP BY g;
SELECT count(DISTINCT x), count(DISTINCT s), sum(DISTINCT y), avg(DISTINCT p) FROM m;
-- Mixed with plain aggregates, which read every row once (count(*) included).
SELECT g, count(DISTINCT x), sum(DISTINCT p), count(*), count(y), sum(y), avg(w), max(s), min(x) FROM m GROUP BY g;
SELECT count(DISTINCT x), count(DISTINCT s, x), count(*), sum(w), max(p), stddev(y) FROM m;
-- count(DISTINCT x, s) leaves out tuples with a NULL; (x, s) and (s, x) are one set, x and x another.
SELECT g, count(DISTINCT x, s), count(DISTINCT s, x), count(DISTINCT x), sum(DISTINCT x), avg(DISTINCT x), count(DISTINCT s) FROM m GROUP BY g;
-- An argument in two sets, expressions as arguments, a key as an argument.
SELECT g, count(DISTINCT x), count(DISTINCT x, s), sum(DISTINCT x + 1), count(DISTINCT g), max(x) FROM m GROUP BY g;
SELECT upper(g) AS G, count(DISTINCT x % 2), count(DISTINCT length(s)), sum(y) FROM m GROUP BY upper(g);
-- HAVING on DISTINCT and plain results.
SELECT g, count(DISTINCT x) AS dx, count(DISTINCT s) AS ds, sum(y) FROM m GROUP BY g HAVING count(DISTINCT s) > 1 AND sum(y) > 10;
SELECT g FROM m GROUP BY g HAVING count(DISTINCT x) = count(DISTINCT s);
-- Empty input: one row without GROUP BY (counts 0, sums NULL), none with it.
SELECT count(DISTINCT x), count(DISTINCT s), sum(DISTINCT y), sum(y), count(*), avg(w) FROM m WHERE g = 'none';
SELECT count(DISTINCT x), count(DISTINCT s) FROM m WHERE g = 'none';
SELECT g, count(DISTINCT x), count(DISTINCT s), count(*) FROM m WHERE g = 'none' GROUP BY g;
-- Only NULL arguments.
SELECT count(DISTINCT x), sum(DISTINCT y), count(DISTINCT s), count(*), sum(w) FROM m WHERE g = 'c';
-- Other DISTINCT aggregates, a constant argument, ROLLUP.
SELECT g IS NULL AS no_g, count(DISTINCT x), sort_array(collect_set(DISTINCT s)), percentile(DISTINCT y, 0.5), count(DISTINCT p)
FROM m GROUP BY g IS NULL;
SELECT g, count(DISTINCT x), count(DISTINCT s), sum(y), grouping(g) FROM m GROUP BY ROLLUP(g);
