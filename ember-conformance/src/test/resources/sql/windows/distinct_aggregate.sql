-- A DISTINCT aggregate over a window is an analysis error.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, k);
SELECT count(DISTINCT id) OVER (PARTITION BY k) FROM t;
