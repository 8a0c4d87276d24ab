-- sum of decimal(p,s) is decimal(p+10,s), avg decimal(p+4,s+4), both capped at 38; tinyint and smallint sum to bigint.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  (CAST(1.5 AS DECIMAL(38,10)), CAST(1 AS DECIMAL(30,2)), 1Y, 1S),
  (CAST(2.25 AS DECIMAL(38,10)), CAST(2 AS DECIMAL(30,2)), 2Y, NULL),
  (NULL, CAST(4 AS DECIMAL(30,2)), NULL, 3S) AS t(w, n, b, h);
SELECT sum(w), avg(w), sum(n), avg(n), sum(b), avg(b), sum(h), avg(h) FROM t;
SELECT typeof(sum(w)), typeof(avg(w)), typeof(sum(n)), typeof(avg(n)), typeof(sum(b)), typeof(avg(b)), typeof(min(b)), typeof(max(h)) FROM t;
SELECT avg(x), typeof(avg(x)), sum(x) FROM VALUES (CAST(1 AS DECIMAL(3,2))), (CAST(2 AS DECIMAL(3,2))), (CAST(2 AS DECIMAL(3,2))) AS v(x);
SELECT sum(x), avg(x) FROM VALUES (CAST(NULL AS DECIMAL(5,2))) AS v(x);
SELECT sum(x) FROM VALUES (9223372036854775807L), (1L) AS v(x);
