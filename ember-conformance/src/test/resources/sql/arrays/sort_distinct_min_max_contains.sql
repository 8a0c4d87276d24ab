-- sort_array, array_distinct, array_max/min, array_contains, with NULL arrays and NULL elements.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES
  (1, array(3, 1, NULL, 2, 1)), (2, array()), (3, NULL), (4, array(NULL, NULL)), (5, array(5))
  AS t(id, a);
SELECT id, sort_array(a), sort_array(a, false), array_distinct(a), array_max(a), array_min(a) FROM t;
SELECT id, array_contains(a, 1), array_contains(a, 4), array_contains(a, CAST(NULL AS INT)) FROM t;
SELECT sort_array(array('b', 'a', NULL, 'c')), array_max(array('b', 'a')), array_min(array(2.5, 1.5D)), array_distinct(array('x', 'x', 'y'));
SELECT sort_array(array(1.5D, CAST('NaN' AS DOUBLE), -1D)), array_contains(array(1L, 2L), 2), array_contains(array(1, 2), 2L);
