-- Grouping by tuples of short strings and integers (packed into one hash-table code), next to longer
-- strings, empty strings and NULLs that are compared by their bytes; keys arrive in runs and apart.
CREATE OR REPLACE TEMPORARY VIEW flags AS SELECT * FROM VALUES
  ('A', 'F', 1, 10.00), ('A', 'F', 1, 20.00), ('A', 'F', 2, 30.00), ('N', 'O', 1, 1.50),
  ('N', 'O', 1, 2.50), ('R', 'F', NULL, 3.00), ('A', 'F', 1, 5.00), ('abcd', 'e', 3, 1.00),
  ('abcde', 'a', 3, 2.00), ('abcde', 'a', 3, 4.00), ('', 'F', 4, 7.00), (NULL, 'F', 4, 8.00),
  ('N', NULL, 5, 9.00), ('N', '', 5, 6.00), ('longer-than-four', 'x', 6, 1.25), ('longer-than-four', 'x', 6, 1.75)
  AS flags(returnflag, linestatus, n, price);
SELECT returnflag, linestatus, count(*), sum(price), avg(price) FROM flags GROUP BY returnflag, linestatus ORDER BY returnflag, linestatus;
SELECT n, returnflag, count(*), sum(price) FROM flags GROUP BY n, returnflag ORDER BY n, returnflag;
SELECT returnflag, n, linestatus, count(*) FROM flags GROUP BY returnflag, n, linestatus ORDER BY returnflag, n, linestatus;
SELECT returnflag, linestatus, count(*) FROM flags WHERE n > 100 GROUP BY returnflag, linestatus;
-- Many rows in runs of one key (as lineitem by l_orderkey), over several batches.
SELECT k, count(*), sum(v), min(v), max(v) FROM (SELECT id DIV 4 AS k, CAST(id AS DECIMAL(12,2)) AS v FROM range(20000)) GROUP BY k HAVING sum(v) > 79900 ORDER BY k LIMIT 5;
SELECT count(*), sum(c) FROM (SELECT id DIV 3 AS k, count(*) AS c FROM range(30000) GROUP BY id DIV 3);
SELECT chr(65 + CAST(id % 3 AS INT)) AS a, chr(70 + CAST(id % 2 AS INT)) AS b, count(*), sum(id) FROM range(50000) GROUP BY 1, 2 ORDER BY 1, 2;
-- Many groups per task: in runs (a partial aggregation then emits its groups as it goes) and scattered.
SELECT count(*), sum(c), sum(s), max(c) FROM (SELECT id DIV 2 AS k, count(*) AS c, sum(id) AS s FROM range(600000) GROUP BY id DIV 2);
SELECT count(*), sum(c), sum(s), max(c) FROM (SELECT (id * 7919) % 200000 AS k, count(*) AS c, sum(id) AS s FROM range(600000) GROUP BY 1);
