-- A directory of text files (one empty), a gzip file, text.`path` and input_file_name-free counting.
CREATE OR REPLACE TEMPORARY VIEW d USING text OPTIONS (path '${data}/text/dir');
SELECT * FROM d;
CREATE OR REPLACE TEMPORARY VIEW z USING text OPTIONS (path '${data}/text/zipped.txt.gz');
SELECT * FROM z;
SELECT count(*) FROM text.`${data}/text/dir`;
SELECT value FROM text.`${data}/text/zipped.txt.gz` WHERE value LIKE 'and%';
