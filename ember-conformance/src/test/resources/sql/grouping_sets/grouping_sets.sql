-- GROUPING SETS, also combined with plain columns and with ROLLUP (their cross product).
CREATE OR REPLACE TEMPORARY VIEW sales AS SELECT * FROM VALUES
  ('north', 'apple', 2023, 10), ('north', 'pear', 2024, 5), ('south', 'apple', 2024, 7), ('south', NULL, 2023, 3)
  AS sales(region, product, year, qty);
SELECT region, product, sum(qty), grouping_id() FROM sales GROUP BY GROUPING SETS ((region, product), (region), ());
SELECT region, year, sum(qty) FROM sales GROUP BY GROUPING SETS (region, year);
SELECT region, product, year, sum(qty), grouping_id() FROM sales GROUP BY region, ROLLUP (product, year);
SELECT product, count(*) FROM sales GROUP BY GROUPING SETS ((product), (product), ());
SELECT region, sum(qty), grouping(region) FROM sales GROUP BY GROUPING SETS ((region), ()) ORDER BY region NULLS LAST;
SELECT year, collect_list(qty), sum(DISTINCT qty) FROM sales GROUP BY ROLLUP (year);
