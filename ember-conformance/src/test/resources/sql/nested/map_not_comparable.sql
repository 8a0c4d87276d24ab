-- Maps cannot be compared.
CREATE OR REPLACE TEMPORARY VIEW t AS SELECT map(1, 'a') AS m;
SELECT m = m FROM t;
