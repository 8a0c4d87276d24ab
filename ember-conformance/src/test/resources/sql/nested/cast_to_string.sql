-- Structs and maps cast to strings, with nulls inside, nested.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a', 1.5D), (2, NULL, NULL) AS t(id, name, d);
SELECT CAST(struct(id, name, d) AS STRING) FROM t;
SELECT CAST(map(id, name) AS STRING) FROM t;
SELECT CAST(named_struct('x', array(1, NULL), 'y', map('k', named_struct('z', name))) AS STRING) FROM t;
SELECT CAST(map('a', array(1, 2)) AS STRING);
SELECT concat('s=', CAST(struct(id) AS STRING)) FROM t;
SELECT CAST(struct(id, name) AS STRUCT<x: BIGINT, y: STRING>) AS c FROM t;
SELECT CAST(map(id, d) AS MAP<STRING, STRING>) AS c FROM t;
