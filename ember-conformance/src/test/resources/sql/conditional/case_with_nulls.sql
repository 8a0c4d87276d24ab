-- CASE with NULL conditions and operands (a NULL never equals in a simple CASE), branches of mixed types, and nesting.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'x'), (2, NULL), (NULL, 'y'), (4, 'x') AS t(i, s);
SELECT i, CASE s WHEN 'x' THEN 'is x' WHEN NULL THEN 'is null' ELSE 'other' END FROM t ORDER BY i;
SELECT i, CASE WHEN i > 1 THEN 'big' WHEN i IS NULL THEN 'none' END FROM t ORDER BY i;
SELECT i, CASE WHEN s = 'x' THEN i ELSE 2.5 END FROM t ORDER BY i;
SELECT i, CASE WHEN i IS NULL THEN NULL WHEN i < 3 THEN CASE WHEN s IS NULL THEN 'small, no s' ELSE 'small' END ELSE 'large' END FROM t ORDER BY i;
SELECT sum(CASE WHEN s = 'x' THEN i ELSE 0 END), count(CASE WHEN s IS NULL THEN 1 END) FROM t;
SELECT i, if(s IS NULL, -1, i), nvl2(s, 'has', 'none'), nullif(i, 4) FROM t ORDER BY i;
