-- charToEscapeQuoteEscaping: the character that escapes the quote's escape inside quoted values.
CREATE OR REPLACE TEMPORARY VIEW ee USING csv OPTIONS (path '${data}/csv/escape_escape.csv', header 'true');
SELECT * FROM ee;
CREATE OR REPLACE TEMPORARY VIEW ee_hash USING csv OPTIONS (path '${data}/csv/escape_escape.csv', header 'true', charToEscapeQuoteEscaping '#');
SELECT * FROM ee_hash;
CREATE OR REPLACE TEMPORARY VIEW ee_quote USING csv OPTIONS (path '${data}/csv/escape_escape.csv', header 'true', escape '"', charToEscapeQuoteEscaping '\\');
SELECT * FROM ee_quote;
