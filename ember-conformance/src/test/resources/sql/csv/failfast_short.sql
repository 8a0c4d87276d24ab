-- FAILFAST on a record with too few fields, the only bad one among the columns read.
CREATE OR REPLACE TEMPORARY VIEW f (id int, n string, s string) USING csv OPTIONS (path '${data}/csv/malformed.csv', header 'true', mode 'FAILFAST');
SELECT id FROM f WHERE id = 3;
