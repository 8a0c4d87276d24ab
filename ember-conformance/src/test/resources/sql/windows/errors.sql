CREATE OR REPLACE TEMPORARY VIEW s AS SELECT * FROM VALUES ('a', 1), ('b', 2) AS s(k, id);
-- A window function needs an OVER clause.
SELECT row_number() FROM s;
