CREATE OR REPLACE TEMPORARY VIEW c AS SELECT * FROM VALUES (1, 'Ann'), (2, 'Bo'), (3, 'Cy'), (4, 'Di') AS c(id, name);
CREATE OR REPLACE TEMPORARY VIEW o AS SELECT * FROM VALUES (10, 1, 5.0D), (11, 1, 7.5D), (12, 2, 3.0D), (13, NULL, 1.0D), (14, 5, 2.0D) AS o(oid, cid, amount);
-- IN (subquery), uncorrelated and correlated.
SELECT name FROM c WHERE id IN (SELECT cid FROM o);
SELECT name FROM c WHERE id IN (SELECT cid FROM o WHERE amount > 4);
SELECT name FROM c WHERE id IN (SELECT cid FROM o WHERE o.amount > c.id * 2);
SELECT oid FROM o WHERE cid IN (SELECT id FROM c WHERE name LIKE '%o%') OR amount < 2;
SELECT id, id IN (SELECT cid FROM o) AS has_orders FROM c;
