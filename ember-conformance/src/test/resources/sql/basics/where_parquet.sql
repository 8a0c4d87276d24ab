-- Filters right over a Parquet scan, which the scan applies as it reads: columns only the condition reads, NULLs in the condition's and
-- the other columns, every row kept, none kept, a conjunct that would fail on rows an earlier one rejects, strings in and out of a
-- dictionary, over several batches.
DROP TABLE IF EXISTS where_pq;
CREATE TABLE where_pq USING parquet LOCATION '${tmp}/where_pq' AS
  SELECT id, CASE WHEN id % 7 = 3 THEN NULL ELSE id % 10 END AS k, CASE WHEN id % 5 = 0 THEN NULL ELSE CAST(id * 1.5 AS DECIMAL(12, 2)) END AS price,
    CASE WHEN id % 11 = 0 THEN NULL ELSE concat('w', id % 4) END AS word, concat('long value ', id) AS note, id % 3 = 0 AS flag,
    CASE WHEN id % 13 = 0 THEN NULL ELSE id / 8.0D END AS ratio, date_add(DATE '1995-01-01', CAST(id % 400 AS INT)) AS day
  FROM range(20000);
SELECT count(*), sum(price), min(note), max(note) FROM where_pq WHERE k = 4;
SELECT id, price, word, ratio FROM where_pq WHERE k IS NULL AND id < 60 ORDER BY id;
SELECT sum(id), count(price), count(word), count(ratio) FROM where_pq WHERE k > 2 AND word = 'w1';
SELECT note, day FROM where_pq WHERE day BETWEEN DATE '1995-02-01' AND DATE '1995-02-03' AND id < 3000 ORDER BY note;
SELECT count(*), sum(k), sum(price) FROM where_pq WHERE id >= 0;
SELECT count(*), sum(price) FROM where_pq WHERE id < 0;
SELECT id, flag, word FROM where_pq WHERE word IN ('w0', 'w2') AND flag AND id % 1000 = 3 ORDER BY id;
SELECT count(*), sum(ratio) FROM where_pq WHERE word IS NULL OR ratio > 2400;
SELECT id FROM where_pq WHERE k <> 0 AND id DIV k > 1990 ORDER BY id;
SELECT id, CAST(price AS DOUBLE) + ratio AS total FROM where_pq WHERE note LIKE '%99' AND price IS NOT NULL ORDER BY id LIMIT 20;
SELECT k, count(*), sum(price) FROM where_pq WHERE id % 9 = 2 GROUP BY k ORDER BY k;
DROP TABLE where_pq;
