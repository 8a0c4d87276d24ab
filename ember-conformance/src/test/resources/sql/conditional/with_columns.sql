-- nullif, if, nvl2, ifnull, greatest, least and BETWEEN over columns with NULLs.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 1, 'a'), (2, 3, NULL), (NULL, 4, 'c') AS t(a, b, s);
SELECT a, b, nullif(a, b), if(a > 1, 'big', 'small'), nvl2(s, a, b), ifnull(s, 'none'), greatest(a, b), least(a, b, 2) FROM t;
SELECT nvl2(NULL, 1, 2.5), if(NULL, NULL, NULL), if(true, 1, NULL), nullif('', ''), nvl(NULL, NULL);
SELECT a FROM t WHERE if(a IS NULL, true, a > 1) ORDER BY a;
SELECT a, b, 2 BETWEEN a AND b, a NOT BETWEEN 1 AND 1, b BETWEEN 3 AND 4 FROM t;
SELECT a, nvl(a, 0) * 2, if(b > 2, a, -a) FROM t WHERE b <> 1;
