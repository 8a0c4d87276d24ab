-- approx_count_distinct: HyperLogLog++ over xxHash64, exact for small cardinalities; 0 for none.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT id, id % 7 AS small, CAST(id % 50 AS STRING) AS s, id % 3 = 0 AS b,
  CAST(id AS DOUBLE) / 4 AS d, CAST(id % 90 AS DECIMAL(10, 2)) AS dec, DATE'2024-01-01' + CAST(id % 40 AS INT) AS day
  FROM range(300);
SELECT approx_count_distinct(id), approx_count_distinct(small), approx_count_distinct(s), approx_count_distinct(b) FROM t;
SELECT approx_count_distinct(d), approx_count_distinct(dec), approx_count_distinct(day), approx_count_distinct(CAST(id AS INT)) FROM t;
SELECT small, approx_count_distinct(s), approx_count_distinct(id, 0.01) FROM t GROUP BY small;
SELECT approx_count_distinct(id, 0.2), approx_count_distinct(s, 0.1) FROM t;
SELECT approx_count_distinct(id) FROM t WHERE id < 0;
SELECT approx_count_distinct(NULL), approx_count_distinct(IF(id > 5, NULL, id)) FROM t;
SELECT approx_count_distinct(CAST(id AS FLOAT)), approx_count_distinct(CAST(id % 100 AS SMALLINT)) FROM t;
