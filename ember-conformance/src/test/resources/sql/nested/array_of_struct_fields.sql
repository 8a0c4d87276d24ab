-- Field access through arrays of structs (an array of the field) and maps by dot (the value of that key).
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT id,
  CASE WHEN id = 3 THEN NULL ELSE array(named_struct('a', id, 'b', 'x'), NULL, named_struct('a', NULL, 'b', 'y')) END AS arr,
  map('k', id, 'z', -id) AS m
  FROM VALUES (1), (2), (3) AS v(id);
SELECT id, arr.a, arr.b FROM t;
SELECT id, t.arr.a AS qualified FROM t;
SELECT id, m.k, m.nope FROM t;
SELECT id, size(arr.a) + 1 FROM t;
