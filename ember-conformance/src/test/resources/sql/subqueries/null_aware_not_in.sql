-- Single-column uncorrelated NOT IN as a null-aware anti join: empty subquery, NULL on either side, duplicates, coercion, NOT IN in expressions.
CREATE OR REPLACE TEMPORARY VIEW l AS SELECT * FROM VALUES (1, 'a'), (2, 'b'), (2, 'b2'), (3, 'c'), (NULL, 'n') AS l(k, tag);
CREATE OR REPLACE TEMPORARY VIEW r AS SELECT * FROM VALUES (2), (2), (4) AS r(v);
CREATE OR REPLACE TEMPORARY VIEW rn AS SELECT * FROM VALUES (2), (NULL) AS rn(v);
CREATE OR REPLACE TEMPORARY VIEW big AS SELECT * FROM VALUES (CAST(3 AS BIGINT)), (CAST(5000000000 AS BIGINT)) AS big(v);
-- No NULL in the subquery: NULL outer values are dropped, duplicates on both sides.
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM r);
-- A NULL in the subquery: no row.
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM rn);
-- Only NULLs in the subquery: no row.
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM rn WHERE v IS NULL);
-- Empty subquery: every row, the NULL one too.
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM r WHERE v > 100);
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM rn WHERE false);
-- Empty outer side.
SELECT k, tag FROM l WHERE k > 100 AND k NOT IN (SELECT v FROM r);
SELECT count(*) FROM l WHERE k > 100 AND k NOT IN (SELECT v FROM rn);
-- int NOT IN bigint subquery, and bigint NOT IN int subquery.
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM big);
SELECT v FROM big WHERE v NOT IN (SELECT k FROM l WHERE k IS NOT NULL);
SELECT v FROM big WHERE v NOT IN (SELECT k FROM l);
-- An expression as the outer value and as the subquery's column.
SELECT k, tag FROM l WHERE k + 1 NOT IN (SELECT v * 2 FROM r);
-- Two NOT INs and another predicate in one WHERE.
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM r) AND k NOT IN (SELECT v FROM big) AND tag <> 'zz';
-- A subquery with a GROUP BY and a join.
SELECT k, tag FROM l WHERE k NOT IN (SELECT r.v FROM r JOIN rn ON r.v = rn.v GROUP BY r.v);
-- NOT IN inside OR, under NOT and in the select list.
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM r) OR tag = 'n';
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM rn) OR tag = 'c';
SELECT k, tag FROM l WHERE NOT (k NOT IN (SELECT v FROM r));
SELECT k, tag, k NOT IN (SELECT v FROM r), k NOT IN (SELECT v FROM rn), k NOT IN (SELECT v FROM r WHERE v > 100) FROM l;
-- Correlated NOT IN keeps its plan.
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM rn WHERE rn.v IS NULL OR rn.v = l.k + 0);
SELECT k, tag FROM l WHERE k NOT IN (SELECT v FROM r WHERE r.v <> l.k);
-- Nested in an EXISTS subquery.
SELECT v FROM r WHERE EXISTS (SELECT 1 FROM l WHERE l.k = r.v AND l.k NOT IN (SELECT v FROM big));
-- Neither side can be NULL: the anti join alone; also with an empty subquery.
SELECT v FROM r WHERE v NOT IN (SELECT v FROM big);
SELECT v FROM r WHERE v NOT IN (SELECT v FROM big WHERE v < 0);
