-- enforceSchema false with a schema whose names differ from the header fails.
CREATE OR REPLACE TEMPORARY VIEW s (a int, b string) USING csv OPTIONS (path '${data}/csv/header_mismatch.csv', header 'true', enforceSchema 'false');
SELECT * FROM s;
