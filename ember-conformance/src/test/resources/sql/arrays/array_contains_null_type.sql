CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, array(1, 2)) AS t(id, a);
-- A NULL-typed value cannot be looked for.
SELECT array_contains(a, NULL) FROM t;
