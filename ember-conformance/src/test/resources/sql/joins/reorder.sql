-- Multi-way inner joins ordered by estimated sizes: filtered small tables, an OR across two tables, equalities implied by others, semi and anti joins over inner joins, NULL keys, empty inputs.
CREATE OR REPLACE TEMPORARY VIEW nat AS SELECT * FROM VALUES (0, 'FRANCE'), (1, 'GERMANY'), (2, 'PERU'), (3, NULL), (NULL, 'NOWHERE') AS nat(nk, name);
CREATE OR REPLACE TEMPORARY VIEW sup AS SELECT id AS sk, CASE WHEN id % 7 = 6 THEN NULL ELSE id % 4 END AS snk, concat('s', id) AS sname FROM range(12);
CREATE OR REPLACE TEMPORARY VIEW cust AS SELECT id AS ck, CASE WHEN id = 5 THEN NULL ELSE id % 5 END AS cnk FROM range(10);
CREATE OR REPLACE TEMPORARY VIEW ord AS SELECT id AS ok, CASE WHEN id % 11 = 10 THEN NULL ELSE id % 10 END AS ock, CASE WHEN id % 3 = 0 THEN 'F' ELSE 'O' END AS status FROM range(40);
CREATE OR REPLACE TEMPORARY VIEW item AS SELECT id AS ik, id % 40 AS iok, CASE WHEN id % 13 = 12 THEN NULL ELSE id % 12 END AS isk, id * 1.5 AS price FROM range(200);
CREATE OR REPLACE TEMPORARY VIEW none AS SELECT * FROM nat WHERE nk > 100;
CREATE OR REPLACE TEMPORARY VIEW nat8 AS SELECT CAST(nk AS BIGINT) AS nk8, name FROM nat;
-- TPC-H Q7's shape: two copies of one table, filtered by an OR across both.
SELECT n1.name AS supp_nation, n2.name AS cust_nation, count(*), sum(price)
FROM sup, item, ord, cust, nat n1, nat n2
WHERE sk = isk AND ok = iok AND ck = ock AND snk = n1.nk AND cnk = n2.nk
  AND ((n1.name = 'FRANCE' AND n2.name = 'GERMANY') OR (n1.name = 'GERMANY' AND n2.name = 'FRANCE'))
GROUP BY n1.name, n2.name ORDER BY 1, 2;
-- Every column of every table in the written order, whatever order the joins run in.
SELECT * FROM item, sup, nat WHERE isk = sk AND snk = nk AND name IN ('FRANCE', 'PERU') ORDER BY ik;
SELECT * FROM nat, cust, ord WHERE ock = ck AND cnk = nk ORDER BY ok;
-- TPC-H Q5's shape: cnk = snk and snk = nk8 imply cnk = nk8, so cust can meet its nations first; NULL keys on every side.
SELECT name, count(*), sum(price) FROM cust, ord, item, sup, nat8
WHERE ck = ock AND iok = ok AND isk = sk AND cnk = snk AND snk = nk8 AND name IN ('FRANCE', 'GERMANY', 'PERU')
GROUP BY name ORDER BY name;
-- An implied equality between two columns of one table (ck = cnk), and one between differently typed columns (none implied).
SELECT ck, cnk, sk, snk FROM cust, sup WHERE ck = snk AND cnk = snk ORDER BY ck, sk;
SELECT ck, sk, nk FROM cust, sup, nat WHERE cnk = snk AND snk = nk AND ck < 4 ORDER BY ck, sk;
-- TPC-H Q2's shape: a selective IN on the key of a filtered table stays below the joins.
SELECT ok, ck FROM ord, cust, nat8 WHERE ock = ck AND cnk = nk8 AND name <> 'PERU' AND ck IN (SELECT sk FROM sup WHERE sk < 3) ORDER BY ok;
-- TPC-H Q21's shape: EXISTS and NOT EXISTS on the large table, inner joins that shrink it.
SELECT sname, count(*) AS numwait FROM sup, item i1, ord, nat
WHERE sk = i1.isk AND ok = i1.iok AND status = 'F' AND i1.price > 30 AND snk = nk AND name = 'GERMANY'
  AND EXISTS (SELECT * FROM item i2 WHERE i2.iok = i1.iok AND i2.isk <> i1.isk)
  AND NOT EXISTS (SELECT * FROM item i3 WHERE i3.iok = i1.iok AND i3.isk <> i1.isk AND i3.price > 250)
GROUP BY sname ORDER BY numwait DESC, sname;
-- IN and NOT IN subqueries over inner joins (NOT IN over a NULL: no row).
SELECT ok, ck FROM ord, cust, nat WHERE ock = ck AND cnk = nk AND name <> 'PERU' AND ok IN (SELECT iok FROM item WHERE price > 200) ORDER BY ok;
SELECT ok, ck FROM ord, cust, nat WHERE ock = ck AND cnk = nk AND ok NOT IN (SELECT isk FROM item) ORDER BY ok;
SELECT ok, ck FROM ord, cust, nat WHERE ock = ck AND cnk = nk AND ok NOT IN (SELECT isk FROM item WHERE isk IS NOT NULL) ORDER BY ok;
-- Empty inputs: a joined table, the table of an EXISTS, of a NOT EXISTS.
SELECT count(*) FROM item, sup, none WHERE isk = sk AND snk = nk;
SELECT * FROM item, sup, nat WHERE isk = sk AND snk = nk AND EXISTS (SELECT * FROM none WHERE none.nk = nat.nk);
SELECT count(*) FROM item, sup, nat WHERE isk = sk AND snk = nk AND NOT EXISTS (SELECT * FROM none WHERE none.nk = sup.snk);
-- A table no condition joins (a cross product), and a condition over three tables.
SELECT count(*) FROM nat a, nat b, cust WHERE a.nk = cnk AND b.name LIKE 'G%';
SELECT count(*), sum(ik) FROM item, sup, cust WHERE isk = sk AND snk + cnk = ik % 7;
