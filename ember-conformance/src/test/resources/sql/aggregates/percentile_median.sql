-- percentile (exact, interpolated) and median: doubles, NULLs skipped, NULL for no values, arrays of percentages.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  ('x', 1), ('x', 2), ('x', 4), ('x', 10), ('y', 5), ('y', NULL), ('z', NULL)
  AS t(k, v);
SELECT k, median(v), percentile(v, 0.25), percentile(v, 1), percentile(v, 0) FROM t GROUP BY k;
SELECT median(v), percentile(v, array(0.1, 0.5, 0.9)), percentile(CAST(v AS DECIMAL(5, 1)), 0.3) FROM t;
SELECT median(v), percentile(v, 0.5) FROM t WHERE v > 100;
SELECT k, median(DISTINCT v) FROM t GROUP BY k;
