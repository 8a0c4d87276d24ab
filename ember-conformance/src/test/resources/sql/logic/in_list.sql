-- IN over a list, and what NULL on either side does.
SELECT 1 IN (1, 2, 3), 4 IN (1, 2, 3), 1 IN (1, NULL), 4 IN (1, NULL), NULL IN (1, 2);
SELECT 'b' IN ('a', 'b'), 1 IN (1.0, 2.5), 2L IN (1, 2);
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1), (2), (3), (NULL) AS t(x);
SELECT x FROM t WHERE x IN (1, 3);
SELECT x FROM t WHERE x IN (1, NULL);
SELECT x, x IN (2, NULL) FROM t;
