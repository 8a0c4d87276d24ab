-- CAST_INVALID_INPUT raised on column values, not only literals.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('1'), ('2'), ('three') AS t(s);
SELECT CAST(s AS INT) FROM t;
SELECT sum(CAST(s AS INT)) FROM t;
SELECT CAST(s AS INT) FROM t WHERE s <> 'three';
SELECT s FROM t WHERE s = 1;
