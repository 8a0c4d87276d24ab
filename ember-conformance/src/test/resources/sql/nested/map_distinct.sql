-- DISTINCT over a map column is a set operation Spark refuses.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT map(1, 'a') AS m;
SELECT DISTINCT m FROM t;
