-- Shared aggregates over empty input and over only NULLs: the subquery's NULL filters out every row.
CREATE OR REPLACE TEMPORARY VIEW nothing AS SELECT * FROM VALUES (1, 10), (2, 20) AS nothing(k, v) WHERE k > 5;
CREATE OR REPLACE TEMPORARY VIEW nulls AS SELECT * FROM VALUES (1, CAST(NULL AS INT)), (2, CAST(NULL AS INT)), (2, CAST(NULL AS INT)) AS nulls(k, v);
CREATE OR REPLACE TEMPORARY VIEW empty_totals AS SELECT k, sum(v) AS total FROM nothing GROUP BY k;
CREATE OR REPLACE TEMPORARY VIEW null_totals AS SELECT k, sum(v) AS total FROM nulls GROUP BY k;
SELECT k, total FROM empty_totals WHERE total = (SELECT max(total) FROM empty_totals);
SELECT (SELECT max(total) FROM empty_totals) AS m, (SELECT count(*) FROM empty_totals) AS n;
SELECT k, total FROM null_totals WHERE total = (SELECT max(total) FROM null_totals);
SELECT k, total FROM null_totals WHERE total IS NULL AND k <= (SELECT max(k) FROM null_totals) ORDER BY k;
SELECT x.k, x.total, y.total FROM null_totals x JOIN null_totals y ON x.k = y.k ORDER BY x.k;
SELECT x.k, y.k FROM empty_totals x FULL JOIN empty_totals y ON x.k = y.k;
