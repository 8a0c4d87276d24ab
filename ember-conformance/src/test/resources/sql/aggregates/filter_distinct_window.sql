-- FILTER (WHERE ...) on a DISTINCT aggregate over a window.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a', 10, true), (2, 'b', NULL, false) AS t(id, k, v, ok);
SELECT count(DISTINCT v) FILTER (WHERE ok) OVER (PARTITION BY k) FROM t;
