-- multiLine: quoted values with line breaks (LF and CRLF) are one record; without it each line is a record.
CREATE OR REPLACE TEMPORARY VIEW m USING csv OPTIONS (path '${data}/csv/multiline.csv', header 'true', multiLine 'true');
SELECT * FROM m;
CREATE OR REPLACE TEMPORARY VIEW s USING csv OPTIONS (path '${data}/csv/multiline.csv', header 'true');
SELECT * FROM s;
