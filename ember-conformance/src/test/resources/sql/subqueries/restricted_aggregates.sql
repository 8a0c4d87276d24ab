-- Decorrelated aggregate subqueries whose input is restricted to the keys a filtered part of the outer query produces: NULL keys, count's 0, empty domains, two-column keys, domains through joins.
CREATE OR REPLACE TEMPORARY VIEW p AS SELECT * FROM VALUES (1, 'A', 10), (2, 'A', 20), (3, 'B', 30), (4, 'C', 40), (CAST(NULL AS INT), 'A', 50) AS p(pk, brand, size);
CREATE OR REPLACE TEMPORARY VIEW l AS SELECT * FROM VALUES (1, 1, 5), (1, 2, 1), (1, 1, 9), (2, 1, 4), (3, 2, 7), (3, 2, 2), (5, 1, 3), (CAST(NULL AS INT), 1, 8), (2, 2, CAST(NULL AS INT)) AS l(lk, sk, qty);
CREATE OR REPLACE TEMPORARY VIEW ps AS SELECT * FROM VALUES (1, 1, 3), (1, 2, 10), (2, 1, 1), (2, 2, 100), (3, 2, 5), (4, 1, 0), (CAST(NULL AS INT), 1, 1) AS ps(pk, sk, avail);
CREATE OR REPLACE TEMPORARY VIEW s AS SELECT * FROM VALUES (1, 'east'), (2, 'west'), (3, 'east') AS s(sk, region);
CREATE OR REPLACE TEMPORARY VIEW lb AS SELECT CAST(lk AS BIGINT) AS lk, qty FROM l;
-- TPC-H Q17's shape: the outer key comes from the filtered table, equal to the other table's key.
SELECT l.lk, l.qty FROM l, p WHERE p.pk = l.lk AND p.brand = 'A' AND l.qty < (SELECT 0.8 * avg(l2.qty) FROM l AS l2 WHERE l2.lk = p.pk);
SELECT l.lk, l.qty FROM l, p WHERE p.pk = l.lk AND p.brand = 'A' AND l.qty >= (SELECT avg(l2.qty) FROM l AS l2 WHERE l2.lk = l.lk);
-- count of no rows is 0, also for the NULL key; in a filter and in the select list.
SELECT p.pk, (SELECT count(*) FROM l WHERE l.lk = p.pk) AS n, (SELECT count(qty) FROM l WHERE l.lk = p.pk) AS nq FROM p WHERE p.brand = 'A';
SELECT pk FROM p WHERE p.size < 45 AND (SELECT count(*) FROM l WHERE l.lk = p.pk) = 0;
SELECT pk FROM p WHERE p.size > 15 AND (SELECT count(*) FROM l WHERE l.lk = p.pk AND l.qty > 100) = 0;
-- An empty domain, and an empty subquery input.
SELECT pk, (SELECT sum(qty) FROM l WHERE l.lk = p.pk) AS total FROM p WHERE p.brand = 'Z';
SELECT count(*) FROM p WHERE p.brand = 'Z' AND (SELECT count(*) FROM l WHERE l.lk = p.pk) = 0;
SELECT pk, (SELECT max(qty) FROM l WHERE l.lk = p.pk AND l.sk > 5) AS m FROM p WHERE p.size >= 20;
-- TPC-H Q20's shape: two correlation columns, the outer filtered by an IN subquery.
SELECT ps.pk, ps.sk FROM ps WHERE ps.pk IN (SELECT pk FROM p WHERE brand = 'A') AND ps.avail > (SELECT 0.5 * sum(qty) FROM l WHERE l.lk = ps.pk AND l.sk = ps.sk);
SELECT ps.pk, ps.sk, (SELECT count(*) FROM l WHERE l.lk = ps.pk AND l.sk = ps.sk) AS n FROM ps WHERE ps.avail < 50;
-- The two keys from the two sides of a join, one side filtered.
SELECT p.pk, s.sk FROM p, s WHERE p.size = s.sk * 10 AND s.region = 'east' AND (SELECT count(*) FROM l WHERE l.lk = p.pk AND l.sk = s.sk) = 0;
-- TPC-H Q02's shape: the domain two joins down, the subquery's input itself a join.
SELECT p.pk, ps.sk, ps.avail FROM p, ps, s WHERE p.pk = ps.pk AND ps.sk = s.sk AND s.region = 'east' AND p.size <= 20 AND ps.avail = (SELECT min(ps2.avail) FROM ps AS ps2, s AS s2 WHERE ps2.sk = s2.sk AND s2.region = 'east' AND ps2.pk = p.pk);
SELECT p.pk, ps.sk, ps.avail FROM p, ps WHERE p.pk = ps.pk AND p.brand = 'A' AND ps.avail = (SELECT max(ps2.avail) FROM ps AS ps2 WHERE ps2.pk = ps.pk);
-- Keys of other types, and an expression of the inner key.
SELECT pk, (SELECT max(qty) FROM lb WHERE lb.lk = p.pk) AS m FROM p WHERE p.size > 15;
SELECT pk, (SELECT sum(qty) FROM l WHERE l.lk + 1 = p.pk) AS total FROM p WHERE p.brand = 'A';
-- Joins with a grouped table written as such.
SELECT p.pk, a.total FROM p JOIN (SELECT lk, sum(qty) AS total FROM l GROUP BY lk) a ON a.lk = p.pk WHERE p.brand = 'A';
SELECT p.pk, a.n FROM p LEFT JOIN (SELECT lk, count(*) AS n FROM l GROUP BY lk) a ON a.lk = p.pk WHERE p.size > 15;
