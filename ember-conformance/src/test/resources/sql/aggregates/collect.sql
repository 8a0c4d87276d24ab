-- collect_list / collect_set skip NULLs and give an empty array for none; set order is unspecified, so sort it.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  ('x', 1, 'p'), ('x', 2, 'q'), ('x', 2, NULL), ('y', NULL, 'r'), ('y', NULL, 'r'), ('z', 3, 's')
  AS t(k, v, s);
SELECT k, sort_array(collect_list(v)), sort_array(collect_set(v)), size(collect_set(s)) FROM t GROUP BY k;
SELECT sort_array(collect_list(v)), sort_array(collect_set(s)), sort_array(array_agg(v), false) FROM t;
SELECT collect_list(v), collect_set(s) FROM t WHERE k = 'none';
SELECT k, size(collect_list(DISTINCT v)), collect_list(v) FROM t WHERE k <> 'x' GROUP BY k;
SELECT collect_list(NULL), size(collect_set(CAST(NULL AS INT))) FROM t;
SELECT id, collect_list(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS w FROM range(4) ORDER BY id;
