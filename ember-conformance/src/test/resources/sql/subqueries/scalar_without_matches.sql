CREATE OR REPLACE TEMPORARY VIEW c AS SELECT * FROM VALUES (1, 'Ann'), (2, 'Bo'), (3, 'Cy') AS c(id, name);
CREATE OR REPLACE TEMPORARY VIEW o AS SELECT * FROM VALUES (10, 1, 5.0D), (11, 1, 7.5D), (12, 2, 3.0D) AS o(oid, cid, amount);
-- Outer rows without matches: an aggregate without GROUP BY still has its value over no rows; with GROUP BY there is no row (NULL).
SELECT name, (SELECT count(*) FROM o WHERE o.cid = c.id GROUP BY o.cid) AS grouped_count, (SELECT count(*) FROM o WHERE o.cid = c.id) AS global_count FROM c;
SELECT name, (SELECT size(collect_list(oid)) FROM o WHERE o.cid = c.id) AS orders, (SELECT count_if(amount > 4) FROM o WHERE o.cid = c.id) AS big FROM c;
