-- A value offset needs a numeric, date or timestamp order key.
CREATE OR REPLACE TEMPORARY VIEW rs AS SELECT * FROM VALUES ('a', 1) AS rs(s, v);
SELECT sum(v) OVER (ORDER BY s RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM rs;
