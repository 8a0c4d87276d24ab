-- A missing table on one side of a join.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1) AS t(id);
SELECT * FROM t JOIN missing_table m ON t.id = m.id;
