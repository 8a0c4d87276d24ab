-- A DDL schema over a header file: columns by position, enforceSchema on (names from the schema) and off (header must match).
CREATE OR REPLACE TEMPORARY VIEW s (a int, b string) USING csv OPTIONS (path '${data}/csv/header_mismatch.csv', header 'true');
SELECT * FROM s;
CREATE OR REPLACE TEMPORARY VIEW s2 (x int, y string) USING csv OPTIONS (path '${data}/csv/header_mismatch.csv', header 'true', enforceSchema 'false');
SELECT * FROM s2;
CREATE OR REPLACE TEMPORARY VIEW s3 (x bigint) USING csv OPTIONS (path '${data}/csv/header_mismatch.csv', header 'true');
SELECT * FROM s3;
