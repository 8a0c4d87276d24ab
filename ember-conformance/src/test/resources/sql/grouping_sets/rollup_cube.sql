-- ROLLUP and CUBE: subtotals with NULL for the rolled-up columns; grouping() and grouping_id() tell them from NULL keys.
CREATE OR REPLACE TEMPORARY VIEW sales AS SELECT * FROM VALUES
  ('north', 'apple', 10), ('north', 'pear', 5), ('south', 'apple', 7), ('south', NULL, 3), (NULL, 'plum', 1)
  AS sales(region, product, qty);
SELECT region, product, sum(qty), count(*) FROM sales GROUP BY ROLLUP (region, product);
SELECT region, product, sum(qty), grouping(region), grouping(product), grouping_id() FROM sales GROUP BY CUBE (region, product);
SELECT region, sum(qty) AS total FROM sales GROUP BY ROLLUP (region) ORDER BY grouping(region), region NULLS FIRST;
SELECT region, product, count(product), max(qty) FROM sales GROUP BY region, product WITH ROLLUP;
SELECT region, count(*) FROM sales GROUP BY region WITH CUBE HAVING count(*) > 1;
SELECT upper(region) AS r, sum(qty) FROM sales GROUP BY ROLLUP (upper(region));
SELECT region, count(region), count(*) FROM sales GROUP BY ROLLUP (region);
SELECT sum(qty), grouping_id() FROM sales WHERE qty > 100 GROUP BY ROLLUP (region);
SELECT region, sum(qty) FROM sales GROUP BY ROLLUP (region) HAVING grouping(region) = 0 AND sum(qty) > 5;
SELECT region, product, sum(qty) AS total FROM sales GROUP BY CUBE (region, product) ORDER BY grouping_id(), region NULLS FIRST, product NULLS FIRST;
SELECT region, sum(qty), rank() OVER (ORDER BY sum(qty) DESC) AS r FROM sales GROUP BY ROLLUP (region);
