-- A field the struct does not have.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT named_struct('a', 1) AS s;
SELECT s.zz FROM t;
