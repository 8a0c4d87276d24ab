-- encoding: ISO-8859-1 and UTF-16LE files, and UTF-8 read as Latin-1.
CREATE OR REPLACE TEMPORARY VIEW l USING csv OPTIONS (path '${data}/csv/latin1.csv', header 'true', encoding 'ISO-8859-1');
SELECT * FROM l;
CREATE OR REPLACE TEMPORARY VIEW u USING csv OPTIONS (path '${data}/csv/utf8.csv', header 'true', charset 'ISO-8859-1');
SELECT * FROM u;
CREATE OR REPLACE TEMPORARY VIEW w USING csv OPTIONS (path '${data}/csv/utf16.csv', header 'true', encoding 'UTF-16LE', lineSep '\n', multiLine 'true');
SELECT * FROM w;
