-- A qualifier that names no table in scope.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a') AS t(id, name);
SELECT x.id FROM t;
