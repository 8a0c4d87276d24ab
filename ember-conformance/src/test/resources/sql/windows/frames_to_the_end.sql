CREATE OR REPLACE TEMPORARY VIEW s AS SELECT * FROM VALUES ('a', 1, 10), ('a', 2, 20), ('a', 3, 20), ('a', 4, 30), ('b', 5, 5), ('b', 6, NULL), ('c', 7, 1), (NULL, 8, 2) AS s(k, id, v);
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'x'), (2, 'x'), (3, 'y'), (4, 'y'), (5, 'y'), (6, 'z'), (7, 'z'), (8, 'z') AS t(id, k);
-- Frames that run to the partition's end, and windows over equally named columns of different tables.
SELECT k, id, sum(v) OVER (PARTITION BY k ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS rest, count(v) OVER (PARTITION BY k ORDER BY v RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS peers_and_after, max(id) OVER (ORDER BY id ROWS BETWEEN 2 FOLLOWING AND UNBOUNDED FOLLOWING) AS later FROM s;
SELECT s.id, count(*) OVER (PARTITION BY s.k) AS by_s, count(*) OVER (PARTITION BY t.k) AS by_t FROM s JOIN t ON s.id = t.id;
