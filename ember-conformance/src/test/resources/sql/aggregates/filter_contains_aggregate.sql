-- FILTER (WHERE ...): filter contains aggregate.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a', 10, true), (2, 'b', NULL, false) AS t(id, k, v, ok);
SELECT count(*) FILTER (WHERE sum(v) > 1) FROM t;
