CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a') AS t(v, s);
-- approx_count_distinct's relative deviation must be a literal.
SELECT approx_count_distinct(v, v) FROM t;
