-- FAILFAST fails the query on the first malformed record.
CREATE OR REPLACE TEMPORARY VIEW f (id int, n int, s string) USING csv OPTIONS (path '${data}/csv/malformed.csv', header 'true', mode 'FAILFAST');
SELECT * FROM f;
