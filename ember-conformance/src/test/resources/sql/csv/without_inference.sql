-- Without inferSchema every column is a string; without a header columns are _c0, _c1, ...
CREATE OR REPLACE TEMPORARY VIEW raw USING csv OPTIONS (path '${data}/people.csv', header 'true');
SELECT * FROM raw WHERE id IN ('1', '3', '5');
CREATE OR REPLACE TEMPORARY VIEW noheader USING csv OPTIONS (path '${data}/people.csv');
SELECT * FROM noheader WHERE _c0 IN ('id', '2');
SELECT count(*) FROM noheader;
