-- A CTE inside a subquery, and a CTE that hides a view of the same name.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1), (2) AS t(v);
WITH t AS (SELECT 100 AS v) SELECT v FROM t;
SELECT v FROM t;
SELECT * FROM (WITH inner_cte AS (SELECT v * 10 AS w FROM t) SELECT w FROM inner_cte) ORDER BY w;
WITH x AS (SELECT v FROM t), y AS (WITH z AS (SELECT v + 1 AS v FROM x) SELECT v FROM z) SELECT * FROM y;
