CREATE OR REPLACE TEMPORARY VIEW sales AS SELECT * FROM VALUES
  ('north', 'apple', 10, 100L, 1.5D, 2.50),
  ('north', 'pear', NULL, 200L, 2.5D, 1.25),
  ('south', 'apple', 7, NULL, NULL, 3.00),
  ('south', 'plum', 3, 50L, 0.5D, NULL),
  ('south', 'apple', 7, 75L, 4.0D, 0.75),
  ('east', NULL, NULL, NULL, NULL, NULL)
  AS sales(region, product, qty, revenue, weight, price);
-- min and max over numbers, decimals, strings, dates; NULLs are ignored.
SELECT min(qty), max(qty), min(revenue), max(revenue), min(weight), max(weight), min(price), max(price) FROM sales;
SELECT min(product), max(product), min(region), max(region) FROM sales;
SELECT region, min(product), max(qty) FROM sales GROUP BY region;
SELECT min(d), max(d) FROM VALUES (DATE '2024-03-01'), (DATE '2023-12-31'), (NULL) AS t(d);
SELECT max(b), min(b) FROM VALUES (true), (false) AS t(b);
