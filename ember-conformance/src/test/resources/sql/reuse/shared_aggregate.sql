-- The same aggregate read twice in one query (a view, a CTE, a scalar subquery over it): Ember computes its exchange once.
CREATE OR REPLACE TEMPORARY VIEW sales AS SELECT * FROM VALUES
  (1, 'a', 10), (1, 'b', 5), (2, 'a', 7), (2, NULL, 3), (3, 'c', NULL), (NULL, 'a', 4), (4, 'd', 10), (4, 'e', 5)
  AS sales(store, item, amount);
CREATE OR REPLACE TEMPORARY VIEW revenue AS SELECT store, sum(amount) AS total FROM sales WHERE amount IS NOT NULL OR item = 'c' GROUP BY store;
-- A view referenced twice: a self-join on the grouping key (NULL keys never match).
SELECT x.store, x.total, y.total FROM revenue x JOIN revenue y ON x.store = y.store;
-- ... and on the aggregate value: stores with the same total.
SELECT x.store AS a, y.store AS b FROM revenue x JOIN revenue y ON x.total = y.total AND x.store < y.store;
-- A CTE used twice.
WITH r AS (SELECT store, count(*) AS n, max(amount) AS top FROM sales GROUP BY store)
SELECT r1.store, r1.n, r2.top FROM r r1 LEFT JOIN r r2 ON r1.store = r2.store + 1;
-- The q15 shape: the main query and its scalar subquery over the same aggregate; both stores with the top total.
SELECT store, total FROM revenue WHERE total = (SELECT max(total) FROM revenue) ORDER BY store;
-- Two scalar subqueries over the same aggregate, and one over an aggregate that differs only by a literal.
SELECT (SELECT max(total) FROM revenue) - (SELECT min(total) FROM revenue) AS spread,
       (SELECT max(total) FROM (SELECT store, sum(amount) AS total FROM sales WHERE amount > 4 GROUP BY store)) AS top_over_4;
-- Equal plans but for a filter's literal must not share: each answers its own.
SELECT x.store, x.total, y.total FROM
  (SELECT store, sum(amount) AS total FROM sales WHERE amount > 4 GROUP BY store) x FULL JOIN
  (SELECT store, sum(amount) AS total FROM sales WHERE amount > 5 GROUP BY store) y ON x.store = y.store;
-- The HAVING of q11: the main aggregate compared with a global aggregate over the same join.
CREATE OR REPLACE TEMPORARY VIEW stores AS SELECT * FROM VALUES (1, 'north'), (2, 'north'), (3, 'south'), (4, 'north') AS stores(id, region);
SELECT item, sum(amount) AS value FROM sales, stores WHERE store = id AND region = 'north' GROUP BY item
HAVING sum(amount) > (SELECT sum(amount) * 0.2 FROM sales, stores WHERE store = id AND region = 'north') ORDER BY value DESC, item;
