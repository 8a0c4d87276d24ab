CREATE OR REPLACE TEMPORARY VIEW sales AS SELECT * FROM VALUES
  ('north', 'apple', 10, 100L, 1.5D, 2.50),
  ('north', 'pear', NULL, 200L, 2.5D, 1.25),
  ('south', 'apple', 7, NULL, NULL, 3.00),
  ('south', 'plum', 3, 50L, 0.5D, NULL),
  ('south', 'apple', 7, 75L, 4.0D, 0.75),
  ('east', NULL, NULL, NULL, NULL, NULL)
  AS sales(region, product, qty, revenue, weight, price);
-- Grouping by expressions and by select-list ordinals.
SELECT upper(region), count(*) FROM sales GROUP BY upper(region);
SELECT qty % 2 AS parity, count(*) FROM sales GROUP BY qty % 2;
SELECT region, product, sum(qty) FROM sales GROUP BY 1, 2;
SELECT length(region) AS len, sum(revenue) FROM sales GROUP BY 1;
SELECT region IS NULL, product IS NULL, count(*) FROM sales GROUP BY region IS NULL, product IS NULL;
