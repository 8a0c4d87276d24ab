-- Semi and anti joins whose preserved side is the small one: it is built and runs first, and the other side's rows are filtered by its keys before they are shuffled. NULL keys on both sides, <=>, residual conditions, NOT IN's NULL rules, keys no row of the other side has.
CREATE OR REPLACE TEMPORARY VIEW facts AS
  SELECT id, id % 97 AS k, CASE WHEN id % 13 = 0 THEN NULL ELSE CAST(id % 89 AS INT) END AS nk, CAST(id AS DECIMAL(10, 2)) AS v
  FROM range(0, 3000);
CREATE OR REPLACE TEMPORARY VIEW dims AS
  SELECT * FROM VALUES (3, 'a'), (3, 'b'), (50, 'c'), (NULL, 'd'), (96, 'e'), (500, 'f') AS dims(dk, label);
SELECT label FROM dims WHERE EXISTS (SELECT 1 FROM facts WHERE k = dk);
SELECT label FROM dims WHERE EXISTS (SELECT 1 FROM facts WHERE nk = dk AND v > 2900);
SELECT label FROM dims WHERE NOT EXISTS (SELECT 1 FROM facts WHERE nk = dk);
SELECT label FROM dims WHERE NOT EXISTS (SELECT 1 FROM facts WHERE k = dk AND id % 2 = 1 AND v < 100);
SELECT label FROM dims WHERE dk IN (SELECT nk FROM facts WHERE id > 2950);
SELECT label FROM dims WHERE dk NOT IN (SELECT nk FROM facts WHERE id > 2950);
SELECT label FROM dims WHERE dk NOT IN (SELECT nk FROM facts WHERE nk IS NOT NULL AND id > 2950);
SELECT label FROM dims WHERE dk IS NOT NULL AND dk NOT IN (SELECT k FROM facts WHERE id < 60);
SELECT dk FROM dims INTERSECT SELECT nk FROM facts WHERE id < 100 OR id % 13 = 0;
SELECT dk FROM dims EXCEPT SELECT nk FROM facts WHERE id < 100 OR id % 13 = 0;
SELECT count(*) FROM dims WHERE EXISTS (SELECT 1 FROM facts WHERE k = dk AND id > 5000);
-- The marking side's own column as the key: its filter probes the keys last, on the rows its conditions keep.
CREATE OR REPLACE TEMPORARY VIEW marks AS
  SELECT * FROM VALUES (3, 1), (NULL, 2), (3, 3), (50, 4), (NULL, 5), (7, 6), (96, 7), (8, 8), (9, 9), (10, 10), (11, 11),
    (12, 12), (500, 13), (14, 14), (NULL, 15), (16, 16), (17, 17), (18, 18), (19, 19), (20, 20), (21, 21), (22, 22) AS marks(mk, n);
SELECT label FROM dims WHERE EXISTS (SELECT 1 FROM marks WHERE mk = dk AND n % 2 = 1);
SELECT label FROM dims WHERE NOT EXISTS (SELECT 1 FROM marks WHERE mk = dk AND n > 3);
SELECT label FROM dims WHERE dk NOT IN (SELECT mk FROM marks WHERE n > 1);
SELECT label FROM dims WHERE dk NOT IN (SELECT mk FROM marks WHERE n > 5 AND mk IS NOT NULL);
SELECT label FROM dims WHERE EXISTS (SELECT 1 FROM marks WHERE mk <=> dk AND n > 1);
SELECT label FROM dims WHERE NOT EXISTS (SELECT 1 FROM marks WHERE mk <=> dk AND n > 1);
-- A projection over a filter that reads fewer columns than the filter's input, and over a subquery that renames them.
SELECT x + 1 FROM (SELECT mk AS x, n AS y FROM marks) s WHERE y % 3 = 0;
SELECT count(*) FROM marks WHERE n > 3 AND mk IS NULL;
SELECT y FROM (SELECT n AS y, mk FROM marks WHERE n < 9) s WHERE mk IS NULL;
