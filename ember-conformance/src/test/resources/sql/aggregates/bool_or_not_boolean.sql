CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('x', true, 1), ('y', NULL, 4) AS t(k, b, n);
-- bool_or takes a boolean: an int is a DATATYPE_MISMATCH.
SELECT bool_or(n) FROM t;
