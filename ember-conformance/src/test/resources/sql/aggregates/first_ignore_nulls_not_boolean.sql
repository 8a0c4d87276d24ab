CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a') AS t(v, s);
-- first's second argument must be a boolean literal.
SELECT first(v, 'yes') FROM t;
