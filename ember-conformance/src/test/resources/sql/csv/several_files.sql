-- A directory of files with headers (one with only a header), a gzip file, and csv.`path`.
CREATE OR REPLACE TEMPORARY VIEW p USING csv OPTIONS (path '${data}/csv/parts', header 'true', inferSchema 'true');
SELECT * FROM p;
CREATE OR REPLACE TEMPORARY VIEW z USING csv OPTIONS (path '${data}/csv/zipped.csv.gz', header 'true', inferSchema 'true');
SELECT * FROM z;
SELECT * FROM csv.`${data}/csv/parts`;
SELECT count(*) FROM csv.`${data}/csv/zipped.csv.gz`;
