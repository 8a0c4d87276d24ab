CREATE OR REPLACE TEMPORARY VIEW d AS SELECT * FROM VALUES
  ('a', 1, 10L, 1.5D, 2.50),
  ('a', 1, 20L, NULL, 1.25),
  ('a', NULL, 30L, 2.5D, NULL),
  ('a', 2, NULL, 2.5D, 3.00),
  ('b', 3, 5L, 0.5D, 0.75),
  ('b', 3, 5L, 0.5D, 0.75),
  ('c', NULL, NULL, NULL, NULL)
  AS d(g, x, y, w, p);
-- One set of DISTINCT arguments mixed with plain aggregates, grouped and global.
SELECT g, count(DISTINCT x), sum(DISTINCT x), avg(DISTINCT x), sum(y), count(*), avg(w), max(p) FROM d GROUP BY g;
SELECT count(DISTINCT x), sum(DISTINCT x), avg(DISTINCT x), sum(y), count(y), avg(p), min(w) FROM d;
SELECT g, count(DISTINCT x + 1), sum(y) FROM d GROUP BY g HAVING count(DISTINCT x + 1) > 0;
-- The same argument set in another order, DISTINCT on decimals and doubles.
SELECT g, count(DISTINCT x, y), count(DISTINCT y, x), sum(DISTINCT p), avg(DISTINCT w), stddev(w) FROM d GROUP BY g;
SELECT count(DISTINCT p), sum(DISTINCT p), sort_array(collect_set(p)), count(*) FROM d WHERE g <> 'c';
-- Empty input: one row for a global aggregate, none when grouped.
SELECT count(DISTINCT x), sum(DISTINCT x), avg(DISTINCT x), sum(y), count(*) FROM d WHERE x > 100;
SELECT g, count(DISTINCT x), sum(y) FROM d WHERE x > 100 GROUP BY g;
-- Only NULL arguments: count 0, sum and avg NULL.
SELECT count(DISTINCT x), sum(DISTINCT x), avg(DISTINCT x), count(*) FROM d WHERE x IS NULL;
-- Different argument sets: one row per set, aggregated by the sets' arguments first.
SELECT g, count(DISTINCT x), count(DISTINCT y), sum(w) FROM d GROUP BY g;
