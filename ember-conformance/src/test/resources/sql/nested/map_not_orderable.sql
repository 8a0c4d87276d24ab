-- Maps cannot be sorted.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT map(1, 'a') AS m;
SELECT m FROM t ORDER BY m;
