-- TPC-H Q18's shape without static broadcasts: a join's side semi-joined with the groups an IN subquery's HAVING keeps is exchanged on its own, runs first and is broadcast when small (the other side's Parquet scan filtered by its keys), else joined shuffled. NULL keys on both sides, keys repeated on either side, an empty subquery result, an outer join; then a threshold the side exceeds.
DROP TABLE IF EXISTS ebs_items;
DROP TABLE IF EXISTS ebs_orders;
CREATE TABLE ebs_items USING parquet LOCATION '${tmp}/ebs_items' AS
  SELECT id, CASE WHEN id % 17 = 0 THEN NULL ELSE id % 500 END AS ok, CAST((id * 7) % 53 AS DECIMAL(10, 2)) AS q FROM range(0, 4000);
CREATE TABLE ebs_orders USING parquet LOCATION '${tmp}/ebs_orders' AS
  SELECT CASE WHEN id % 31 = 0 THEN NULL ELSE id % 450 END AS oid, id % 7 AS cust, id * 3 AS price FROM range(0, 600);
SET spark.sql.autoBroadcastJoinThreshold=-1;
SET spark.sql.adaptive.autoBroadcastJoinThreshold=10m;
SELECT oid, cust, price, sum(q) FROM ebs_items, ebs_orders
  WHERE oid IN (SELECT ok FROM ebs_items GROUP BY ok HAVING sum(q) > 300) AND oid = ok GROUP BY oid, cust, price ORDER BY oid, cust, price;
SELECT count(*), sum(q) FROM ebs_items, ebs_orders WHERE oid IN (SELECT ok FROM ebs_items GROUP BY ok HAVING sum(q) > 100000) AND oid = ok;
SELECT count(*), count(oid), sum(q) FROM ebs_items i LEFT JOIN (SELECT * FROM ebs_orders WHERE oid IN (SELECT ok FROM ebs_items GROUP BY ok HAVING sum(q) > 300 OR ok IS NULL)) o
  ON i.ok = o.oid;
SELECT oid, count(*) FROM ebs_items JOIN (SELECT * FROM ebs_orders WHERE NOT EXISTS (SELECT 1 FROM ebs_items WHERE ok = oid AND q > 1)) ON ok = oid GROUP BY oid ORDER BY oid;
SET spark.sql.adaptive.autoBroadcastJoinThreshold=1k;
SELECT count(*), count(DISTINCT oid), sum(q) FROM ebs_items, ebs_orders WHERE oid IN (SELECT ok FROM ebs_items GROUP BY ok HAVING sum(q) > 150) AND oid = ok;
DROP TABLE ebs_items;
DROP TABLE ebs_orders;
