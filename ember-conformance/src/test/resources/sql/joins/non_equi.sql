-- Join conditions that are not (only) equalities.
CREATE OR REPLACE TEMPORARY VIEW events AS SELECT * FROM VALUES (1, 5), (2, 15), (3, 25), (4, NULL) AS events(id, t);
CREATE OR REPLACE TEMPORARY VIEW windows AS SELECT * FROM VALUES ('w1', 0, 10), ('w2', 10, 20), ('w3', 5, 30) AS windows(w, lo, hi);
SELECT id, w FROM events JOIN windows ON t >= lo AND t < hi;
SELECT id, w FROM events LEFT JOIN windows ON t BETWEEN lo AND hi;
SELECT a.id, b.id FROM events a JOIN events b ON a.t < b.t;
SELECT a.id, b.id FROM events a JOIN events b ON a.id = b.id + 1 OR a.id = b.id - 1;
SELECT id, w FROM events FULL JOIN windows ON t > hi;
