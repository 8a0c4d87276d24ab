-- Probe sides most of whose rows miss a small build side, and sides that mostly match: NULL keys, <=>, keys repeated in runs, long strings, several keys, empty sides.
CREATE OR REPLACE TEMPORARY VIEW facts AS
  SELECT id, id % 97 AS k, CASE WHEN id % 13 = 0 THEN NULL ELSE CAST(id % 89 AS INT) END AS nk, CAST(id DIV 7 AS INT) AS run,
         concat('key-number-', id % 41) AS sk, CAST(id AS DECIMAL(10, 2)) AS v
  FROM range(0, 3000);
CREATE OR REPLACE TEMPORARY VIEW dims AS
  SELECT * FROM VALUES (3, 'a', 'key-number-3'), (3, 'b', 'key-number-3'), (50, 'c', NULL), (NULL, 'd', 'key-number-40'), (96, 'e', 'key-number-999')
  AS dims(dk, label, dsk);
SELECT label, count(*), sum(v) FROM facts JOIN dims ON k = dk GROUP BY label;
SELECT label, count(*) FROM facts JOIN dims ON nk = dk GROUP BY label;
SELECT label, count(*) FROM facts JOIN dims ON nk <=> dk GROUP BY label;
SELECT label, count(*), min(id), max(id) FROM facts JOIN dims ON run = dk GROUP BY label;
SELECT label, count(*) FROM facts JOIN dims ON sk = dsk GROUP BY label;
SELECT label, count(*) FROM facts JOIN dims ON k = dk AND sk = dsk GROUP BY label;
SELECT label, count(*), min(id) FROM facts JOIN dims ON nk = dk AND CAST(k AS INT) = dk GROUP BY label;
SELECT count(*) FROM facts WHERE k IN (SELECT dk FROM dims);
SELECT count(*) FROM facts WHERE nk NOT IN (SELECT dk FROM dims WHERE dk IS NOT NULL);
SELECT count(*) FROM facts WHERE EXISTS (SELECT 1 FROM dims WHERE dk = k AND label > 'a');
SELECT count(*) FROM facts WHERE NOT EXISTS (SELECT 1 FROM dims WHERE dk = nk AND label <> 'a');
SELECT id, k IN (SELECT dk FROM dims) OR id > 2990 AS m FROM facts WHERE id % 100 = 3 OR id > 2995;
SELECT label, count(id) FROM dims LEFT JOIN facts ON k = dk AND id < 500 GROUP BY label;
SELECT count(*), count(label) FROM facts LEFT JOIN dims ON k = dk;
SELECT count(*), count(id), count(label) FROM facts FULL JOIN dims ON nk = dk;
SELECT count(*) FROM facts JOIN (SELECT DISTINCT k AS dk FROM facts WHERE k <> 5) ON k = dk;
SELECT count(*) FROM facts WHERE k NOT IN (SELECT k FROM facts WHERE id < 2900);
SELECT count(*) FROM facts JOIN (SELECT * FROM dims WHERE dk > 1000) ON k = dk;
SELECT count(*) FROM (SELECT * FROM facts WHERE id < 0) JOIN dims ON k = dk;
SELECT count(*) FROM facts WHERE k NOT IN (SELECT dk FROM dims WHERE dk > 1000);
