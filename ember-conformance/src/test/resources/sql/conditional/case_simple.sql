-- Simple CASE compares with =, so a NULL operand matches no branch.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('a'), ('b'), ('z'), (NULL) AS t(c);
SELECT c, CASE c WHEN 'a' THEN 1 WHEN 'b' THEN 2 ELSE 0 END AS code FROM t;
SELECT c, CASE c WHEN 'a' THEN 'first' END AS label FROM t;
SELECT CASE NULL WHEN NULL THEN 'matched' ELSE 'not matched' END;
SELECT CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' WHEN 2 THEN 'again' END;
