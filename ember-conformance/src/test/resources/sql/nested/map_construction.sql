-- map, map_from_arrays, accessors and size.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a', 10), (2, 'b', NULL), (3, 'c', 30) AS t(id, k, v);
SELECT id, map(k, v) AS m FROM t;
SELECT map(k, v, 'z', id) FROM t;
SELECT map(1, 'one', 2, 'two') AS m, map() AS e;
SELECT map_from_arrays(array(1, 2, 3), array('a', NULL, 'c')) AS m;
SELECT map_keys(map(k, v, 'z', id)), map_values(map(k, v, 'z', id)) FROM t;
SELECT map_entries(map(k, v)) FROM t;
SELECT size(map(k, v, 'z', id)), cardinality(map(k, v)) FROM t;
SELECT map(k, v)[k], map(k, v)['nope'], element_at(map(k, v), 'a'), try_element_at(map(k, v), 'c') FROM t;
SELECT map_contains_key(map(k, v), 'a'), map_contains_key(map(k, v), k) FROM t;
SELECT map(1, 2.5, 2L, 3) AS widened;
SELECT typeof(map('a', 1)), typeof(map(1, array('x'))) AS t2;
