-- A product of long-sized decimals whose result leaves decimal(38) fails under ANSI mode, also inside a sum.
SELECT sum(x * y) FROM (SELECT CAST(1e19 AS DECIMAL(38,0)) AS x, CAST(id AS DECIMAL(38,0)) * CAST(1e19 AS DECIMAL(38,0)) AS y FROM range(3));
