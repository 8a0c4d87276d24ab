CREATE OR REPLACE TEMPORARY VIEW sales AS SELECT * FROM VALUES
  ('north', 'apple', 10, 100L, 1.5D, 2.50),
  ('north', 'pear', NULL, 200L, 2.5D, 1.25),
  ('south', 'apple', 7, NULL, NULL, 3.00),
  ('south', 'plum', 3, 50L, 0.5D, NULL),
  ('south', 'apple', 7, 75L, 4.0D, 0.75),
  ('east', NULL, NULL, NULL, NULL, NULL)
  AS sales(region, product, qty, revenue, weight, price);
-- count(*) counts rows, count(x) non-NULL values, count(DISTINCT x) distinct non-NULL values.
SELECT count(*), count(1), count(qty), count(product), count(DISTINCT product), count(DISTINCT qty) FROM sales;
SELECT count(DISTINCT region, product), count(qty, revenue), count(NULL) FROM sales;
SELECT region, count(*), count(qty), count(DISTINCT product) FROM sales GROUP BY region;
