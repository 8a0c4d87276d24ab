CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('x', true, 1), ('y', NULL, 4) AS t(k, b, n);
-- sort_array needs an array.
SELECT sort_array(n) FROM t;
