-- FILTER (WHERE ...): filter on scalar function.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a', 10, true), (2, 'b', NULL, false) AS t(id, k, v, ok);
SELECT abs(id) FILTER (WHERE ok) FROM t;
