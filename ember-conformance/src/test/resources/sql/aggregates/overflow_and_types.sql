-- Aggregate result types on bigint and decimal inputs.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (CAST(1.10 AS DECIMAL(5,2)), 1L, 1.5D), (CAST(2.25 AS DECIMAL(5,2)), 2L, 2.5D), (CAST(3.00 AS DECIMAL(5,2)), 3L, NULL) AS t(d, l, x);
SELECT sum(d), avg(d), min(d), max(d), sum(l), avg(l), sum(x), avg(x) FROM t;
SELECT typeof(sum(d)), typeof(avg(d)), typeof(sum(l)), typeof(avg(l)), typeof(sum(CAST(l AS INT))) FROM t;
SELECT sum(id), avg(id), count(id) FROM range(1, 1001);
