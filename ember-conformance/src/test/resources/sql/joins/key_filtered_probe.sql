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
