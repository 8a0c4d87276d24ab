CREATE OR REPLACE TEMPORARY VIEW c AS SELECT * FROM VALUES (1, 'Ann'), (2, 'Bo'), (3, 'Cy'), (4, 'Di') AS c(id, name);
CREATE OR REPLACE TEMPORARY VIEW o AS SELECT * FROM VALUES (10, 1, 5.0D), (11, 1, 7.5D), (12, 2, 3.0D), (13, NULL, 1.0D), (14, 5, 2.0D) AS o(oid, cid, amount);
-- EXISTS and NOT EXISTS, correlated and uncorrelated.
SELECT name FROM c WHERE EXISTS (SELECT 1 FROM o WHERE o.cid = c.id);
SELECT name FROM c WHERE NOT EXISTS (SELECT 1 FROM o WHERE o.cid = c.id);
SELECT name FROM c WHERE EXISTS (SELECT 1 FROM o WHERE o.cid = c.id AND o.amount > 6);
SELECT count(*) FROM c WHERE EXISTS (SELECT * FROM o WHERE amount > 100);
SELECT count(*) FROM c WHERE NOT EXISTS (SELECT * FROM o WHERE amount > 100);
SELECT oid FROM o WHERE NOT EXISTS (SELECT 1 FROM c WHERE c.id = o.cid);
