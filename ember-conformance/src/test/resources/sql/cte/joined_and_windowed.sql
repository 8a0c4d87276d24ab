-- CTEs joined to each other, aggregated, windowed and referenced from a subquery.
CREATE OR REPLACE TEMPORARY VIEW sales AS SELECT * FROM VALUES (1, 'n', 10), (2, 'n', 20), (3, 's', 5), (4, 's', NULL), (5, 'e', 7) AS sales(id, region, amount);
WITH totals AS (SELECT region, sum(amount) AS total FROM sales GROUP BY region), best AS (SELECT max(total) AS top FROM totals) SELECT region, total FROM totals, best WHERE total = top;
WITH ranked AS (SELECT id, region, rank() OVER (PARTITION BY region ORDER BY amount DESC NULLS LAST) AS r FROM sales) SELECT id, region FROM ranked WHERE r = 1 ORDER BY id;
WITH t AS (SELECT region, count(*) AS n FROM sales GROUP BY region) SELECT s.id, t.n FROM sales s JOIN t ON s.region = t.region WHERE s.amount IS NOT NULL ORDER BY s.id;
WITH t AS (SELECT amount FROM sales) SELECT id FROM sales WHERE amount > (SELECT avg(amount) FROM t) ORDER BY id;
WITH empty AS (SELECT * FROM sales WHERE id < 0) SELECT count(*), sum(amount), max(region) FROM empty;
WITH a AS (SELECT region FROM sales), b AS (SELECT region FROM a WHERE region <> 'e') SELECT region FROM a EXCEPT SELECT region FROM b;
