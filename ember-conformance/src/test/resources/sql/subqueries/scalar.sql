CREATE OR REPLACE TEMPORARY VIEW c AS SELECT * FROM VALUES (1, 'Ann'), (2, 'Bo'), (3, 'Cy'), (4, 'Di') AS c(id, name);
CREATE OR REPLACE TEMPORARY VIEW o AS SELECT * FROM VALUES (10, 1, 5.0D), (11, 1, 7.5D), (12, 2, 3.0D), (13, NULL, 1.0D), (14, 5, 2.0D) AS o(oid, cid, amount);
-- Scalar subqueries: one value, NULL when the subquery returns no row.
SELECT (SELECT max(amount) FROM o), (SELECT count(*) FROM c), (SELECT name FROM c WHERE id = 99);
SELECT name, (SELECT sum(amount) FROM o WHERE o.cid = c.id) AS total FROM c;
SELECT name, (SELECT count(*) FROM o WHERE o.cid = c.id) AS n FROM c;
SELECT oid FROM o WHERE amount > (SELECT avg(amount) FROM o);
SELECT name FROM c WHERE (SELECT count(*) FROM o WHERE o.cid = c.id) >= 2;
