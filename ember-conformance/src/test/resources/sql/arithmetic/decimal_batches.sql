-- Decimal + - * and sums over many rows (the engine checks whole batches against overflow): q01's
-- price arithmetic, NULLs among the values, one value near the type's limit among small ones.
CREATE OR REPLACE TEMPORARY VIEW items AS SELECT
  CAST(id % 1000 + 0.25 AS DECIMAL(12,2)) AS price,
  CAST((id % 11) / 100 AS DECIMAL(12,2)) AS discount,
  CASE WHEN id % 7 = 0 THEN NULL ELSE CAST((id % 9) / 100 AS DECIMAL(12,2)) END AS tax,
  CAST(id % 4 AS INT) AS g
  FROM range(10000);
SELECT g, sum(price), sum(price * (1 - discount)), sum(price * (1 - discount) * (1 + tax)), avg(price), avg(discount), count(tax)
  FROM items GROUP BY g ORDER BY g;
SELECT sum(x * y), sum(x + y), sum(x - y) FROM (SELECT CAST(id AS DECIMAL(18,0)) AS x,
  CASE WHEN id = 5000 THEN CAST(999999999999999999 AS DECIMAL(18,0)) ELSE CAST(id AS DECIMAL(18,0)) END AS y FROM range(10000));
-- Sums that pass the range of a long stay exact.
SELECT sum(x), avg(x), count(x) FROM (SELECT CAST(900000000000000000 AS DECIMAL(18,0)) AS x FROM range(5000));
SELECT id % 2, sum(x) FROM (SELECT id, CAST(id - 2500 AS DECIMAL(18,0)) * CAST(999999999999999 AS DECIMAL(18,0)) AS x FROM range(5000)) GROUP BY 1 ORDER BY 1;
SELECT sum(CAST(9223372036854775807 AS DECIMAL(38,0)) + CAST(id AS DECIMAL(38,0))) FROM range(3);
SELECT sum(CAST(-9223372036854775808 AS DECIMAL(38,0)) - CAST(id AS DECIMAL(38,0))) FROM range(3);
