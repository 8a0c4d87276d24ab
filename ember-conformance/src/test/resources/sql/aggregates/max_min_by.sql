-- max_by / min_by: the value at the greatest / least ordering; NULL orderings skipped.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  ('x', 'a', 3), ('x', 'b', 5), ('x', NULL, 7), ('y', 'c', NULL), ('y', 'd', 1), ('z', 'e', NULL)
  AS t(k, name, score);
SELECT k, max_by(name, score), min_by(name, score) FROM t GROUP BY k;
SELECT max_by(name, score), min_by(score, name), max_by(score, name) FROM t;
SELECT max_by(name, score) FROM t WHERE score > 100;
SELECT k, max_by(score, name) OVER (PARTITION BY k) AS m FROM t WHERE k <> 'z' ORDER BY k, m;
