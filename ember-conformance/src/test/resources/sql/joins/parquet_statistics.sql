-- Joins ordered by Parquet footer statistics (row counts, bounds, nulls, dictionaries): TPC-H Q8's and Q5's shapes, NULLs, bounds that rule every row out, empty and all-NULL inputs.
DROP TABLE IF EXISTS stats_part;
DROP TABLE IF EXISTS stats_item;
DROP TABLE IF EXISTS stats_none;
CREATE TABLE stats_part USING parquet LOCATION '${tmp}/stats_part' AS
  SELECT id AS pk, CASE WHEN id % 30 = 7 THEN 'RARE' WHEN id % 9 = 0 THEN NULL ELSE concat('T', id % 5) END AS ptype FROM range(1, 61);
CREATE TABLE stats_item USING parquet LOCATION '${tmp}/stats_item' AS
  SELECT id AS ik, id % 40 AS iok, CASE WHEN id % 17 = 3 THEN NULL ELSE id % 60 + 1 END AS ipk, CAST(id * 1.25 AS DECIMAL(10, 2)) AS price,
    CAST(NULL AS INT) AS nothing FROM range(300);
CREATE TABLE stats_none USING parquet LOCATION '${tmp}/stats_none' AS SELECT id AS nk, 'x' AS name FROM range(0);
INSERT OVERWRITE DIRECTORY '${tmp}/stats_ord_files' USING parquet
  SELECT id * 4 AS ok, CASE WHEN id % 11 = 10 THEN NULL ELSE id % 10 END AS ock, date_add(DATE '1995-01-01', CAST(id * 9 AS INT)) AS odate FROM range(40);
CREATE OR REPLACE TEMPORARY VIEW stats_ord USING parquet OPTIONS (path '${tmp}/stats_ord_files');
CREATE OR REPLACE TEMPORARY VIEW stats_cust AS SELECT id AS ck, CASE WHEN id = 5 THEN NULL ELSE id % 3 END AS region FROM range(10);
-- Q8's shape: a rare string value of the small table meets the large one first; a date range on the orders.
SELECT year(odate) AS y, count(*), sum(price) FROM stats_part, stats_item, stats_ord, stats_cust
WHERE pk = ipk AND iok * 4 = ok AND ock = ck AND region = 0 AND ptype = 'RARE' AND odate BETWEEN DATE '1995-03-01' AND DATE '1995-09-30'
GROUP BY year(odate) ORDER BY y;
SELECT ptype, count(*), sum(price) FROM stats_part JOIN stats_item ON pk = ipk WHERE ptype IN ('T1', 'RARE') OR ptype IS NULL GROUP BY ptype ORDER BY ptype;
-- Q5's shape: equalities on keys, a range on a key, NULL keys and NULL filters.
SELECT ck, count(*), min(ik), max(ik) FROM stats_item, stats_ord, stats_cust
WHERE iok * 4 = ok AND ock = ck AND ok >= 20 AND ok < 100 AND ik > 10 GROUP BY ck ORDER BY ck;
SELECT count(*) FROM stats_item, stats_part WHERE ipk = pk AND ipk IS NULL;
SELECT count(*) FROM stats_item, stats_part WHERE ipk = pk AND nothing IS NULL AND price <= 100.5;
-- Bounds that rule every row out: past the greatest key, before the first date, a value no dictionary holds.
SELECT count(*) FROM stats_part, stats_item WHERE pk = ipk AND pk > 60;
SELECT * FROM stats_item, stats_ord WHERE iok * 4 = ok AND odate < DATE '1990-01-01';
SELECT count(*) FROM stats_item, stats_part, stats_ord WHERE ipk = pk AND iok * 4 = ok AND ptype = 'NONE';
SELECT count(*) FROM stats_item, stats_part WHERE ipk = pk AND nothing = 1;
-- Empty and all-NULL inputs.
SELECT count(*) FROM stats_item, stats_part, stats_none WHERE ipk = pk AND pk = nk;
SELECT * FROM stats_none, stats_part WHERE nk = pk AND nk BETWEEN 1 AND 5;
SELECT count(*) FROM stats_item i1 JOIN stats_item i2 ON i1.nothing = i2.nothing;
DROP TABLE stats_part;
DROP TABLE stats_item;
DROP TABLE stats_none;
