CREATE OR REPLACE TEMPORARY VIEW sales AS SELECT * FROM VALUES
  ('north', 'apple', 10, 100L, 1.5D, 2.50),
  ('north', 'pear', NULL, 200L, 2.5D, 1.25),
  ('south', 'apple', 7, NULL, NULL, 3.00),
  ('south', 'plum', 3, 50L, 0.5D, NULL),
  ('south', 'apple', 7, 75L, 4.0D, 0.75),
  ('east', NULL, NULL, NULL, NULL, NULL)
  AS sales(region, product, qty, revenue, weight, price);
-- A global aggregate over no rows returns one row; a grouped one returns none.
SELECT count(*), count(qty), sum(qty), avg(qty), min(qty), max(product), sum(price) FROM sales WHERE 1 = 0;
SELECT region, count(*), sum(qty) FROM sales WHERE 1 = 0 GROUP BY region;
SELECT count(*) FROM sales WHERE qty > 100;
SELECT sum(qty), avg(weight) FROM sales WHERE region = 'east';
