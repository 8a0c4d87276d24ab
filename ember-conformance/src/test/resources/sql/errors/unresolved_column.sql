-- A column that does not exist.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a') AS t(id, name);
SELECT nme FROM t;
