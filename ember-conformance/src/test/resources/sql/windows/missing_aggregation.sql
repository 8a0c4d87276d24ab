CREATE OR REPLACE TEMPORARY VIEW s AS SELECT * FROM VALUES ('a', 1), ('a', 2), ('b', 3) AS s(k, v);
-- A window aggregate in a GROUP BY query reads grouped rows: its argument must be grouped or aggregated.
SELECT k, sum(v) OVER () FROM s GROUP BY k;
