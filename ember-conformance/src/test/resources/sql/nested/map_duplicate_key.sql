-- Duplicate keys fail under the default mapKeyDedupPolicy (EXCEPTION); NULL keys fail.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, k);
SELECT map(k, 1, 'a', 2) FROM t;
SELECT map(1, 'x', 1, 'y');
SELECT map_from_arrays(array('p', 'q', 'p'), array(1, 2, 3));
SELECT map(CASE WHEN id = 2 THEN NULL ELSE k END, id) FROM t;
SELECT map_from_arrays(array('p', NULL), array(1, 2));
