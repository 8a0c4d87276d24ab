-- lag/lead with offsets and defaults, over partitions with NULL keys, first/last values over frames, ntile and percent_rank.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('a', 1, 10), ('a', 2, NULL), ('a', 3, 30), ('b', 1, 5), (NULL, 1, 7), (NULL, 2, 8) AS t(g, o, v);
SELECT g, o, lag(v) OVER w, lag(v, 2, -1) OVER w, lead(v) OVER w, lead(v, 1, 0) OVER w FROM t WINDOW w AS (PARTITION BY g ORDER BY o) ORDER BY g, o;
SELECT g, o, first_value(v) OVER w, last_value(v) OVER w, first_value(v, true) OVER w FROM t WINDOW w AS (PARTITION BY g ORDER BY o ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY g, o;
SELECT g, o, ntile(2) OVER (PARTITION BY g ORDER BY o), percent_rank() OVER (PARTITION BY g ORDER BY o), cume_dist() OVER (PARTITION BY g ORDER BY o) FROM t ORDER BY g, o;
SELECT g, o, sum(v) OVER (PARTITION BY g ORDER BY o ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), count(v) OVER (PARTITION BY g) FROM t ORDER BY g, o;
SELECT o, v, sum(v) OVER (ORDER BY o RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM t WHERE g IS NOT NULL ORDER BY o, v;
SELECT g, o, rank() OVER w, sum(v) OVER w FROM t WINDOW w AS (PARTITION BY g ORDER BY o) ORDER BY g, o;
SELECT g, count(*) OVER w1, max(v) OVER w2 FROM t WINDOW w1 AS (PARTITION BY g), w2 AS (ORDER BY o, v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ORDER BY g, o, v;
