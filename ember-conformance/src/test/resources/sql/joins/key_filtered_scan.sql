-- Broadcast joins whose filtered build side's keys filter the probe side's Parquet scan: NULL keys on both sides, keys repeated on the build side, <=>, several keys, string keys, an empty build side, a probe scan filtered already; outer and anti joins (whose probe rows are kept without a match); planned so, then broadcast once the build side ran first.
DROP TABLE IF EXISTS kfs_facts;
DROP TABLE IF EXISTS kfs_dims;
CREATE TABLE kfs_facts USING parquet LOCATION '${tmp}/kfs_facts' AS
  SELECT id, CASE WHEN id % 13 = 0 THEN NULL ELSE id % 97 END AS k, concat('s', id % 41) AS sk, CAST(id AS DECIMAL(10, 2)) AS v,
    concat('payload-', id) AS note FROM range(0, 3000);
CREATE TABLE kfs_dims USING parquet LOCATION '${tmp}/kfs_dims' AS
  SELECT * FROM VALUES (3L, 'a', 's3'), (3L, 'b', 's3'), (50L, 'c', NULL), (NULL, 'd', 's40'), (96L, 'e', 's999'), (500L, 'f', 's7'), (7L, 'g', 's7')
  AS kfs_dims(dk, label, dsk);
SELECT label, count(*), sum(v), min(note) FROM kfs_facts JOIN kfs_dims ON k = dk WHERE label < 'f' GROUP BY label;
SELECT label, count(*), sum(v) FROM kfs_facts JOIN kfs_dims ON k <=> dk WHERE label IN ('c', 'd') GROUP BY label;
SELECT label, count(*), max(note) FROM kfs_facts JOIN kfs_dims ON k = dk AND sk = dsk WHERE label > 'a' GROUP BY label;
SELECT label, count(*) FROM kfs_facts JOIN kfs_dims ON sk = dsk WHERE dk IS NOT NULL GROUP BY label;
SELECT label, count(*), min(id) FROM kfs_facts JOIN kfs_dims ON k = dk WHERE v > 1500 AND note LIKE '%7' AND label <> 'b' GROUP BY label;
SELECT count(*), sum(v) FROM kfs_facts WHERE k IN (SELECT dk FROM kfs_dims WHERE label < 'e');
SELECT count(*), sum(v) FROM kfs_facts WHERE EXISTS (SELECT 1 FROM kfs_dims WHERE dk = k AND label > 'b');
SELECT count(*) FROM kfs_facts JOIN kfs_dims ON k = dk WHERE label = 'none';
SELECT count(*), count(label) FROM kfs_facts LEFT JOIN (SELECT * FROM kfs_dims WHERE label < 'e') ON k = dk;
SELECT count(*), sum(v) FROM kfs_facts WHERE NOT EXISTS (SELECT 1 FROM kfs_dims WHERE dk = k AND label < 'e');
SELECT f.k, f.note, d.label FROM kfs_facts f JOIN kfs_dims d ON f.k = d.dk WHERE d.label = 'g' AND f.id < 300 ORDER BY f.note;
SET spark.sql.autoBroadcastJoinThreshold=-1;
SET spark.sql.adaptive.autoBroadcastJoinThreshold=10m;
SELECT label, count(*), sum(v), min(note) FROM kfs_facts JOIN kfs_dims ON k = dk WHERE label < 'f' GROUP BY label;
SELECT label, count(*), max(note) FROM kfs_facts JOIN kfs_dims ON k = dk AND sk = dsk WHERE label > 'a' GROUP BY label;
SELECT count(*) FROM kfs_facts JOIN kfs_dims ON k = dk WHERE label = 'none';
SELECT count(*), count(label) FROM kfs_facts LEFT JOIN (SELECT * FROM kfs_dims WHERE label < 'e') ON k = dk;
SELECT f.k, f.note, d.label FROM kfs_facts f JOIN kfs_dims d ON f.k = d.dk WHERE d.label = 'g' AND f.id < 300 ORDER BY f.note;
DROP TABLE kfs_facts;
DROP TABLE kfs_dims;
