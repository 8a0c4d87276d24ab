-- PERMISSIVE with the corrupt-record column (declared in the schema), DROPMALFORMED, and short and long records.
CREATE OR REPLACE TEMPORARY VIEW p (id int, n int, s string) USING csv OPTIONS (path '${data}/csv/malformed.csv', header 'true');
SELECT * FROM p;
CREATE OR REPLACE TEMPORARY VIEW pc (id int, n int, s string, _corrupt_record string) USING csv OPTIONS (path '${data}/csv/malformed.csv', header 'true');
SELECT * FROM pc;
CREATE OR REPLACE TEMPORARY VIEW pr (id int, n int, s string, bad string) USING csv OPTIONS (path '${data}/csv/malformed.csv', header 'true', columnNameOfCorruptRecord 'bad');
SELECT * FROM pr;
SELECT id, bad FROM pr;
CREATE OR REPLACE TEMPORARY VIEW d (id int, n int, s string) USING csv OPTIONS (path '${data}/csv/malformed.csv', header 'true', mode 'DROPMALFORMED');
SELECT * FROM d;
SELECT count(*) FROM d;
CREATE OR REPLACE TEMPORARY VIEW inferred USING csv OPTIONS (path '${data}/csv/malformed.csv', header 'true', inferSchema 'true');
SELECT * FROM inferred;
