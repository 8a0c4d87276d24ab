CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 2) AS t(a, b);
-- grouping() needs grouping sets.
SELECT a, grouping(a) FROM t GROUP BY a;
