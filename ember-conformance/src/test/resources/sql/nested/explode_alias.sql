-- Generators over nested values: explode of an array of structs, then field access on its column.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT id, array(named_struct('a', id, 'b', 'x'), named_struct('a', id + 10, 'b', 'y')) AS arr
  FROM VALUES (1), (2) AS v(id);
SELECT id, e.a, e.b FROM (SELECT id, explode(arr) AS e FROM t);
SELECT id, pos, col.a FROM (SELECT id, posexplode(arr) FROM t);
SELECT key, sum(value) FROM (SELECT explode(map('a', id, 'b', id * 2)) FROM t) GROUP BY key;
