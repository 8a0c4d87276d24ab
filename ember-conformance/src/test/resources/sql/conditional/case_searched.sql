-- Searched CASE: first true branch wins; NULL conditions are not true.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1), (5), (10), (NULL) AS t(x);
SELECT x, CASE WHEN x < 3 THEN 'small' WHEN x < 8 THEN 'medium' ELSE 'large' END AS size FROM t;
SELECT x, CASE WHEN x < 3 THEN 'small' WHEN x < 8 THEN 'medium' END AS size FROM t;
SELECT x, CASE WHEN x > 2 THEN x * 10 ELSE 0.5 END FROM t;
SELECT CASE WHEN CAST(NULL AS BOOLEAN) THEN 1 ELSE 2 END, CASE WHEN 1 = 1 THEN 'yes' END, CASE WHEN 1 = 2 THEN 'yes' END;
