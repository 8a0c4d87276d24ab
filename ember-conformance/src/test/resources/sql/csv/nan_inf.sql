-- nanValue, positiveInf and negativeInf in double and float columns, default and custom.
CREATE OR REPLACE TEMPORARY VIEW x (id int, x double) USING csv OPTIONS (path '${data}/csv/nan.csv', header 'true');
SELECT * FROM x;
CREATE OR REPLACE TEMPORARY VIEW f (id int, x float) USING csv OPTIONS (path '${data}/csv/nan.csv', header 'true');
SELECT * FROM f;
CREATE OR REPLACE TEMPORARY VIEW c (id int, x double) USING csv OPTIONS (path '${data}/csv/nan.csv', header 'true', nanValue 'nope', positiveInf '+INF', negativeInf '-Infinity');
SELECT * FROM c;
CREATE OR REPLACE TEMPORARY VIEW i USING csv OPTIONS (path '${data}/csv/nan.csv', header 'true', inferSchema 'true');
SELECT * FROM i;
