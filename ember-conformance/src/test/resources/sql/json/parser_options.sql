-- Jackson's leniencies: single quotes and NaN/Infinity by default, comments, unquoted names, leading zeros and backslash escapes on request.
CREATE OR REPLACE TEMPORARY VIEW s USING json OPTIONS (path '${data}/json/syntax.json');
SELECT * FROM s;
CREATE OR REPLACE TEMPORARY VIEW s2 USING json OPTIONS (path '${data}/json/syntax.json', allowComments 'true', allowUnquotedFieldNames 'true', allowNumericLeadingZeros 'true', allowBackslashEscapingAnyCharacter 'true');
SELECT * FROM s2;
CREATE OR REPLACE TEMPORARY VIEW s3 USING json OPTIONS (path '${data}/json/syntax.json', allowSingleQuotes 'false', allowNonNumericNumbers 'false');
SELECT * FROM s3;
CREATE OR REPLACE TEMPORARY VIEW pipes USING json OPTIONS (path '${data}/json/pipes.json', lineSep '|');
SELECT * FROM pipes;
