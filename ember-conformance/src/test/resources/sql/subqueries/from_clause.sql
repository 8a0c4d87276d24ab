CREATE OR REPLACE TEMPORARY VIEW c AS SELECT * FROM VALUES (1, 'Ann'), (2, 'Bo'), (3, 'Cy'), (4, 'Di') AS c(id, name);
CREATE OR REPLACE TEMPORARY VIEW o AS SELECT * FROM VALUES (10, 1, 5.0D), (11, 1, 7.5D), (12, 2, 3.0D), (13, NULL, 1.0D), (14, 5, 2.0D) AS o(oid, cid, amount);
-- Subqueries in FROM, nested, with aggregates over them.
SELECT cid, total FROM (SELECT cid, sum(amount) AS total FROM o GROUP BY cid) t WHERE total > 2;
SELECT max(total) FROM (SELECT cid, sum(amount) AS total FROM o GROUP BY cid);
SELECT x.name, x.n FROM (SELECT c.name, count(o.oid) AS n FROM c LEFT JOIN o ON c.id = o.cid GROUP BY c.name) x WHERE x.n = 0;
SELECT * FROM (SELECT * FROM (SELECT id * 2 AS d FROM c) WHERE d > 2) WHERE d < 8;
