-- FILTER (WHERE ...): a string condition is not BOOLEAN (Spark does not cast it).
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a', 10, true), (2, 'b', NULL, false) AS t(id, k, v, ok);
SELECT count(*) FILTER (WHERE 'true') FROM t;
