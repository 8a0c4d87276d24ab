CREATE OR REPLACE TEMPORARY VIEW c AS SELECT * FROM VALUES (1, 'Ann'), (2, 'Bo') AS c(id, name);
-- A scalar subquery that returns more than one row fails the query.
SELECT (SELECT id FROM c) AS one;
