-- NULL keys form one group of their own.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a'), (NULL, 'b'), (NULL, 'c'), (1, NULL), (2, NULL) AS t(k, v);
SELECT k, count(*), count(v) FROM t GROUP BY k;
SELECT k, v, count(*) FROM t GROUP BY k, v;
SELECT DISTINCT k FROM t;
