-- One product beyond decimal(38) among many small ones fails the query under ANSI mode.
SELECT max(x * x) FROM (SELECT CASE WHEN id = 3000 THEN CAST(1e20 AS DECIMAL(38,0)) ELSE CAST(id AS DECIMAL(38,0)) END AS x FROM range(5000));
