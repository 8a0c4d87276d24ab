-- Tables of the catalog: CREATE TABLE AS SELECT partitioned, INSERT INTO and OVERWRITE, SHOW TABLES, DROP TABLE.
-- (Queries run after every statement on Ember's side, so no statement changes a table a query before it reads.)
DROP TABLE IF EXISTS layout_sales;
DROP TABLE IF EXISTS layout_sales_copy;
CREATE TABLE layout_sales USING csv PARTITIONED BY (region) AS SELECT * FROM VALUES ('eu', 1, 2.5), ('us', 2, 1.0), (NULL, 3, 4.0) AS t(region, id, amount);
INSERT INTO layout_sales VALUES (4, 0.5, 'eu');
INSERT INTO TABLE layout_sales SELECT id + 10, amount, region FROM layout_sales WHERE region = 'us';
SELECT * FROM layout_sales ORDER BY id;
SELECT region, sum(amount) FROM default.layout_sales GROUP BY region ORDER BY region;
SELECT id FROM layout_sales WHERE region IS NULL;
CREATE TABLE layout_sales_copy USING csv AS SELECT * FROM layout_sales;
INSERT OVERWRITE TABLE layout_sales_copy SELECT 7, 7.5, 'ap';
SELECT * FROM spark_catalog.default.layout_sales_copy;
CREATE TABLE layout_sales_dropped (a INT) USING csv;
DROP TABLE layout_sales_dropped;
SHOW TABLES LIKE 'layout_sales*';
DROP TABLE IF EXISTS layout_sales_dropped;
