-- FILTER (WHERE ...): filter contains window.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a', 10, true), (2, 'b', NULL, false) AS t(id, k, v, ok);
SELECT count(*) FILTER (WHERE row_number() OVER (ORDER BY id) > 1) FROM t;
