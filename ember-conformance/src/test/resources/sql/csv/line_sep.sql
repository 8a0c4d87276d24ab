-- lineSep on read: CRLF lines read by default, and a custom one-character separator.
CREATE OR REPLACE TEMPORARY VIEW crlf USING csv OPTIONS (path '${data}/csv/crlf.csv', header 'true', sep ';', lineSep '\r\n');
SELECT * FROM crlf;
CREATE OR REPLACE TEMPORARY VIEW p USING csv OPTIONS (path '${data}/csv/pipes.csv', header 'true', lineSep '|');
SELECT * FROM p;
