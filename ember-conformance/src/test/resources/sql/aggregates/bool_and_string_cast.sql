CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('x', true, 1), ('y', NULL, 4) AS t(k, b, n);
-- A string argument of bool_and is cast to boolean, which fails on a string that is not one.
SELECT bool_and(k) FROM t;
