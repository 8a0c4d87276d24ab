CREATE OR REPLACE TEMPORARY VIEW s AS SELECT * FROM VALUES ('a', 1, 10), ('a', 2, 20), ('a', 3, 20), ('a', 4, 30), ('b', 5, 5), ('b', 6, NULL), ('c', 7, 1), (NULL, 8, 2) AS s(k, id, v);
-- Aggregates over frames (whole partition, running with peers, ROWS frames) and lag/lead.
SELECT k, id, sum(v) OVER (PARTITION BY k), count(*) OVER (PARTITION BY k), max(v) OVER () FROM s;
SELECT k, id, sum(v) OVER (PARTITION BY k ORDER BY v), avg(v) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM s;
SELECT k, id, sum(v) OVER (PARTITION BY k ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS s3, min(v) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS rest, count(v) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 2 PRECEDING) AS before2 FROM s;
SELECT k, id, lag(v) OVER (PARTITION BY k ORDER BY id), lead(v, 2, -1) OVER (PARTITION BY k ORDER BY id), lag(id, 1) OVER (ORDER BY id) FROM s;
SELECT k, sum(v) AS total, rank() OVER (ORDER BY sum(v) DESC) AS r, sum(sum(v)) OVER () AS grand FROM s GROUP BY k;
SELECT id, v, v - lag(v) OVER (ORDER BY id) AS delta FROM s WHERE k = 'a' ORDER BY id;
SELECT k, sum(sum(v)) OVER (ORDER BY k) AS running, count(k) OVER () AS groups FROM s GROUP BY k;
