CREATE OR REPLACE TEMPORARY VIEW sales AS SELECT * FROM VALUES
  ('north', 'apple', 10, 100L, 1.5D, 2.50),
  ('north', 'pear', NULL, 200L, 2.5D, 1.25),
  ('south', 'apple', 7, NULL, NULL, 3.00),
  ('south', 'plum', 3, 50L, 0.5D, NULL),
  ('south', 'apple', 7, 75L, 4.0D, 0.75),
  ('east', NULL, NULL, NULL, NULL, NULL)
  AS sales(region, product, qty, revenue, weight, price);
-- sum of ints is bigint, of doubles double, of decimals a wider decimal; avg of ints is double.
SELECT sum(qty), sum(revenue), sum(weight), sum(price), avg(qty), avg(revenue), avg(weight), avg(price) FROM sales;
SELECT region, sum(qty), avg(qty), sum(price), avg(price) FROM sales GROUP BY region;
SELECT sum(DISTINCT qty), avg(DISTINCT qty), sum(qty * 2), avg(weight) * 2 FROM sales;
