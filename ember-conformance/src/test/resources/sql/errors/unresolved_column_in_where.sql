-- An unknown column in WHERE.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a') AS t(id, name);
SELECT id FROM t WHERE missing > 1;
