CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('x', true, 1), ('y', NULL, 4) AS t(k, b, n);
-- count_if takes a boolean: an int is a DATATYPE_MISMATCH.
SELECT count_if(n) FROM t;
