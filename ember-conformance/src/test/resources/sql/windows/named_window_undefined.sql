-- OVER names a window the WINDOW clause does not define.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('a', 1), ('b', 2) AS t(g, o);
SELECT g, sum(o) OVER w2 FROM t WINDOW w AS (PARTITION BY g);
