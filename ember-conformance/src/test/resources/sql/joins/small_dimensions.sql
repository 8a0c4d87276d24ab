-- A fact table joined to several small dimensions (NULL keys, an empty dimension, a stage that fails).
CREATE OR REPLACE TEMPORARY VIEW sale AS SELECT * FROM VALUES
  (1, 10, 100, 5), (2, 20, 100, 7), (3, 10, 200, NULL), (4, NULL, 300, 2), (5, 30, NULL, 1), (6, 20, 200, 0)
  AS sale(id, shop, item, qty);
CREATE OR REPLACE TEMPORARY VIEW shop AS SELECT * FROM VALUES (10, 'north'), (20, 'south'), (30, NULL), (NULL, 'none') AS shop(shop, region);
CREATE OR REPLACE TEMPORARY VIEW item AS SELECT * FROM VALUES (100, 'pen'), (200, 'ink'), (400, 'cap') AS item(item, name);
CREATE OR REPLACE TEMPORARY VIEW nothing AS SELECT * FROM VALUES (1, 'x') AS nothing(k, v) WHERE k > 1;
SELECT s.id, h.region, i.name, s.qty FROM sale s JOIN shop h ON s.shop = h.shop JOIN item i ON s.item = i.item ORDER BY s.id;
SELECT h.region, count(*), sum(s.qty) FROM sale s JOIN shop h ON s.shop = h.shop LEFT JOIN item i ON s.item = i.item
  GROUP BY h.region ORDER BY h.region NULLS FIRST;
-- One dimension empty: the inner join is empty, the outer joins pad with NULLs, the anti join keeps everything.
SELECT s.id FROM sale s JOIN shop h ON s.shop = h.shop JOIN nothing n ON s.id = n.k;
SELECT s.id, n.v, i.name FROM sale s LEFT JOIN nothing n ON s.id = n.k LEFT JOIN item i ON s.item = i.item ORDER BY s.id;
SELECT s.id FROM sale s WHERE s.shop IN (SELECT shop FROM shop) AND s.id NOT IN (SELECT k FROM nothing) ORDER BY s.id;
-- A division by zero in the projection of a dimension fails the query.
SELECT s.id, i.name, i.r FROM sale s JOIN (SELECT item, name, 10 / (item - 200) AS r FROM item) i ON s.item = i.item
  JOIN shop h ON s.shop = h.shop ORDER BY s.id;
