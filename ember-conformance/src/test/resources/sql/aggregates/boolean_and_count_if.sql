-- count_if, bool_and/every, bool_or/some/any: NULLs ignored, NULL (or 0) for no values; booleans only.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  ('x', true, 1), ('x', false, 2), ('y', true, 3), ('y', NULL, 4), ('z', NULL, 5)
  AS t(k, b, n);
SELECT k, count_if(b), bool_and(b), every(b), bool_or(b), some(b), any(b) FROM t GROUP BY k;
SELECT count_if(n > 2), bool_and(n > 0), bool_or(n > 4), every(n < 5) FROM t;
SELECT count_if(b), bool_and(b), bool_or(b) FROM t WHERE n > 100;
SELECT count_if(NULL), bool_and(NULL), bool_or(NULL) FROM t;
SELECT count_if(DISTINCT b), bool_or(DISTINCT b) FROM t;
