-- quote and escape: the default double quote with backslash escapes, a single quote, no quoting, and a quote as its own escape.
CREATE OR REPLACE TEMPORARY VIEW q USING csv OPTIONS (path '${data}/csv/quotes.csv', header 'true');
SELECT * FROM q;
CREATE OR REPLACE TEMPORARY VIEW q1 USING csv OPTIONS (path '${data}/csv/quotes.csv', header 'true', quote '\'');
SELECT * FROM q1;
CREATE OR REPLACE TEMPORARY VIEW q0 USING csv OPTIONS (path '${data}/csv/quotes.csv', header 'true', quote '');
SELECT * FROM q0;
CREATE OR REPLACE TEMPORARY VIEW qq USING csv OPTIONS (path '${data}/csv/quotes.csv', header 'true', escape '"');
SELECT * FROM qq;
