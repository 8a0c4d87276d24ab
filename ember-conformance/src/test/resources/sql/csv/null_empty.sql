-- nullValue and emptyValue: which texts read as NULL and which as the empty string, in string and number columns.
CREATE OR REPLACE TEMPORARY VIEW n USING csv OPTIONS (path '${data}/csv/nulls.csv', header 'true');
SELECT * FROM n;
CREATE OR REPLACE TEMPORARY VIEW na (id int, s string, n int) USING csv OPTIONS (path '${data}/csv/nulls.csv', header 'true', nullValue 'NA', mode 'DROPMALFORMED');
SELECT * FROM na;
CREATE OR REPLACE TEMPORARY VIEW e USING csv OPTIONS (path '${data}/csv/nulls.csv', header 'true', emptyValue 'EMPTY');
SELECT * FROM e;
CREATE OR REPLACE TEMPORARY VIEW dash USING csv OPTIONS (path '${data}/csv/nulls.csv', header 'true', nullValue '-', inferSchema 'true');
SELECT * FROM dash;
