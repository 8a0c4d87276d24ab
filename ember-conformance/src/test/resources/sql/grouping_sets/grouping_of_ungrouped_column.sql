CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 2) AS t(a, b);
-- grouping() of a column that is not grouped.
SELECT a, grouping(b) FROM t GROUP BY ROLLUP (a);
