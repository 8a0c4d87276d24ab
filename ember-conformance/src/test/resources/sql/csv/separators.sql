-- sep and delimiter: a tab written escaped, a multi-character separator, a semicolon with CRLF lines.
CREATE OR REPLACE TEMPORARY VIEW tabs USING csv OPTIONS (path '${data}/csv/seps.tsv', header 'true', sep '\\t');
SELECT * FROM tabs;
CREATE OR REPLACE TEMPORARY VIEW tabs2 USING csv OPTIONS (path '${data}/csv/seps.tsv', header 'true', delimiter '\t');
SELECT * FROM tabs2;
CREATE OR REPLACE TEMPORARY VIEW multi USING csv OPTIONS (path '${data}/csv/multisep.csv', header 'true', sep '||', inferSchema 'true');
SELECT * FROM multi;
CREATE OR REPLACE TEMPORARY VIEW semicolons USING csv OPTIONS (path '${data}/csv/crlf.csv', header 'true', sep ';', inferSchema 'true');
SELECT * FROM semicolons;
