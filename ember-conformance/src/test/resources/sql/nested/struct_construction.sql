-- struct and named_struct: field names, types, nulls inside and of the struct.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a', 1.5), (2, NULL, NULL), (3, 'c', 3.25) AS t(id, name, score);
SELECT id, struct(id, name) AS s FROM t;
SELECT struct(id, name, score + 1) FROM t;
SELECT named_struct('x', id, 'y', name) AS s FROM t;
SELECT named_struct('x', id, 'y', upper(name)) FROM t;
SELECT struct(id AS k, name AS v) AS s FROM t;
SELECT CASE WHEN id = 2 THEN NULL ELSE struct(id, name) END AS s FROM t;
SELECT typeof(struct(id, name)), typeof(named_struct('a', 1, 'b', array(1, 2))) FROM t WHERE id = 1;
