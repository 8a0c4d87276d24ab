CREATE OR REPLACE TEMPORARY VIEW sales AS SELECT * FROM VALUES
  ('north', 'apple', 10, 100L, 1.5D, 2.50),
  ('north', 'pear', NULL, 200L, 2.5D, 1.25),
  ('south', 'apple', 7, NULL, NULL, 3.00),
  ('south', 'plum', 3, 50L, 0.5D, NULL),
  ('south', 'apple', 7, 75L, 4.0D, 0.75),
  ('east', NULL, NULL, NULL, NULL, NULL)
  AS sales(region, product, qty, revenue, weight, price);
-- HAVING filters groups, and may use aggregates not in the select list.
SELECT region, count(*) AS n FROM sales GROUP BY region HAVING count(*) > 1;
SELECT region FROM sales GROUP BY region HAVING sum(qty) > 10;
SELECT region, sum(revenue) FROM sales GROUP BY region HAVING max(weight) IS NULL OR min(weight) < 1;
SELECT count(*) FROM sales HAVING count(*) > 100;
SELECT product, count(*) AS n FROM sales GROUP BY product HAVING n >= 2;
