-- The comment option skips lines that start with its character; without it they are data.
CREATE OR REPLACE TEMPORARY VIEW c USING csv OPTIONS (path '${data}/csv/comments.csv', header 'true', comment '#');
SELECT * FROM c;
CREATE OR REPLACE TEMPORARY VIEW c0 USING csv OPTIONS (path '${data}/csv/comments.csv', header 'true');
SELECT * FROM c0;
