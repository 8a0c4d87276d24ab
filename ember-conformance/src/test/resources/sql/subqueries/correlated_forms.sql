CREATE OR REPLACE TEMPORARY VIEW c AS SELECT * FROM VALUES (1, 'Ann'), (2, 'Bo'), (3, 'Cy'), (4, NULL) AS c(id, name);
CREATE OR REPLACE TEMPORARY VIEW o AS SELECT * FROM VALUES (10, 1, 5.0D, 'x'), (11, 1, 7.5D, 'y'), (12, 2, 3.0D, 'x'), (13, NULL, 1.0D, 'z'), (14, 5, 2.0D, 'x'), (15, 2, 3.0D, 'y') AS o(oid, cid, amount, kind);
-- Correlated subqueries in the forms TPC-H uses: non-equality correlation, nesting, counts over no rows, subqueries in SELECT.
SELECT oid FROM o o1 WHERE EXISTS (SELECT 1 FROM o o2 WHERE o2.cid = o1.cid AND o2.kind <> o1.kind);
SELECT oid FROM o o1 WHERE NOT EXISTS (SELECT 1 FROM o o2 WHERE o2.cid = o1.cid AND o2.oid <> o1.oid);
SELECT oid FROM o WHERE amount > (SELECT 0.5 * avg(amount) FROM o o2 WHERE o2.kind = o.kind);
SELECT name FROM c WHERE id IN (SELECT cid FROM o WHERE kind = 'x' AND amount > (SELECT avg(amount) FROM o o3 WHERE o3.kind = o.kind));
SELECT name, (SELECT count(*) FROM o WHERE o.cid = c.id AND o.kind = 'x') + 1 AS n FROM c;
SELECT name, EXISTS (SELECT 1 FROM o WHERE o.cid = c.id) AS has_orders, (SELECT max(oid) FROM o WHERE o.cid = c.id) AS last FROM c;
SELECT name FROM c WHERE id NOT IN (SELECT cid FROM o WHERE cid IS NOT NULL) OR name IS NULL;
SELECT kind, count(*) FROM o WHERE cid IN (SELECT id FROM c WHERE name IS NOT NULL) GROUP BY kind HAVING count(*) > (SELECT count(*) FROM c WHERE id > 3);
SELECT id, id IN (SELECT cid FROM o) AS in_o, id NOT IN (SELECT cid FROM o) AS not_in_o FROM c;
SELECT (SELECT name FROM c WHERE id = 99) IS NULL, (SELECT max(id) FROM c WHERE id < 0);
