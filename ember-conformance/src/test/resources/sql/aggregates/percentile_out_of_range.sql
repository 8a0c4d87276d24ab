CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a') AS t(v, s);
-- percentile's percentage must be within [0, 1].
SELECT percentile(v, 1.5) FROM t;
