CREATE OR REPLACE TEMPORARY VIEW s AS SELECT * FROM VALUES ('a', 1, 10), ('a', 2, 20), ('a', 3, 20), ('a', 4, 30), ('b', 5, 5), ('b', 6, NULL), ('c', 7, 1), (NULL, 8, 2) AS s(k, id, v);
-- Ranking functions over partitions, with ties (peers) and NULLs.
SELECT k, id, v, row_number() OVER (PARTITION BY k ORDER BY v, id) AS rn, rank() OVER (PARTITION BY k ORDER BY v) AS r, dense_rank() OVER (PARTITION BY k ORDER BY v) AS dr FROM s;
SELECT k, id, percent_rank() OVER (PARTITION BY k ORDER BY v) AS pr, cume_dist() OVER (PARTITION BY k ORDER BY v) AS cd, ntile(3) OVER (PARTITION BY k ORDER BY id) AS nt FROM s;
SELECT id, row_number() OVER (ORDER BY id DESC) FROM s ORDER BY id;
SELECT k, id, rank() OVER (PARTITION BY k ORDER BY v DESC NULLS FIRST) FROM s;
SELECT dense_rank() OVER (ORDER BY v), percent_rank() OVER (ORDER BY v), cume_dist() OVER (ORDER BY v), ntile(2) OVER (ORDER BY v), lead(v) OVER (ORDER BY id), sum(v) OVER (ORDER BY id ROWS 1 PRECEDING) FROM s;
