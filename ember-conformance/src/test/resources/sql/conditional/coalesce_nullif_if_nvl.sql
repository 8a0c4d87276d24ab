-- coalesce, nullif, if, nvl, nvl2, ifnull.
SELECT coalesce(NULL, 1, 2), coalesce(NULL, NULL), coalesce(1, 2.5), coalesce(NULL, 'x');
SELECT nullif(1, 1), nullif(1, 2), nullif(NULL, 1), nullif('a', 'b');
SELECT if(true, 'y', 'n'), if(false, 'y', 'n'), if(NULL, 'y', 'n'), if(1 > 0, 1, 2.5D);
SELECT nvl(NULL, 5), nvl(3, 5), ifnull(NULL, 'd'), nvl2(NULL, 'a', 'b'), nvl2(1, 'a', 'b');
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, NULL), (NULL, 2), (NULL, NULL) AS t(a, b);
SELECT a, b, coalesce(a, b, -1), nvl(a, 0) + nvl(b, 0) FROM t;
