-- first/last/any_value where the order is determined: one row per group, or a window with ORDER BY.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  (1, 'a', 10), (2, 'b', NULL), (3, 'c', 30), (4, 'd', NULL), (5, NULL, 50)
  AS t(id, s, v);
SELECT id, first(s), last(s), first_value(v), last_value(v), any_value(s) FROM t GROUP BY id;
SELECT first(s), last(v), any_value(id) FROM t WHERE id > 10;
SELECT first(s, true), last(v, true), first_value(v, false) FROM t WHERE id = 2;
SELECT id,
  first(v) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS f,
  last(v) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS l,
  last(v, true) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS l_ignore,
  first_value(v, true) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS f_next,
  last_value(s) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS l_all
FROM t ORDER BY id;
