-- Window names are case-sensitive: W is not the w the WINDOW clause defines.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES ('a', 1), ('b', 2) AS t(g, o);
SELECT g, sum(o) OVER W FROM t WINDOW w AS (PARTITION BY g);
