-- explode and posexplode of maps (key, value), of arrays of structs.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a', 10), (2, 'b', NULL), (3, 'c', 30) AS t(id, k, v);
SELECT id, explode(map(k, v, 'z', id)) FROM t;
SELECT id, posexplode(map(k, v)) FROM t;
SELECT explode(map_from_arrays(array(1, 2), array('x', 'y')));
SELECT id, explode(array(named_struct('a', id, 'b', k), named_struct('a', id * 2, 'b', 'w'))) AS e FROM t;
SELECT e.a, e.b FROM (SELECT explode(array(named_struct('a', id, 'b', k))) AS e FROM t);
