-- ignoreLeadingWhiteSpace and ignoreTrailingWhiteSpace on read (off by default), around plain and quoted values and numbers.
CREATE OR REPLACE TEMPORARY VIEW w USING csv OPTIONS (path '${data}/csv/whitespace.csv', header 'true');
SELECT id, concat('[', s, ']'), concat('[', n, ']') FROM w;
CREATE OR REPLACE TEMPORARY VIEW wl USING csv OPTIONS (path '${data}/csv/whitespace.csv', header 'true', ignoreLeadingWhiteSpace 'true');
SELECT id, concat('[', s, ']'), concat('[', n, ']') FROM wl;
CREATE OR REPLACE TEMPORARY VIEW wt USING csv OPTIONS (path '${data}/csv/whitespace.csv', header 'true', ignoreTrailingWhiteSpace 'true');
SELECT id, concat('[', s, ']'), concat('[', n, ']') FROM wt;
CREATE OR REPLACE TEMPORARY VIEW wi (id int, s string, n int) USING csv OPTIONS (path '${data}/csv/whitespace.csv', header 'true');
SELECT * FROM wi;
CREATE OR REPLACE TEMPORARY VIEW winf USING csv OPTIONS (path '${data}/csv/whitespace.csv', header 'true', inferSchema 'true', ignoreLeadingWhiteSpace 'true', ignoreTrailingWhiteSpace 'true');
SELECT * FROM winf;
