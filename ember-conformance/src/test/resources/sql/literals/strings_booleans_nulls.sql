-- Strings in single or double quotes, escapes, booleans and NULL.
SELECT 'hello', "world", '', 'it''s', 'tab\tchar', 'back\\slash';
SELECT 'a' 'b' 'c' AS adjacent;
SELECT true, false, TRUE AND FALSE, NOT false;
SELECT NULL, NULL AS n, CAST(NULL AS INT) AS i, CAST(NULL AS STRING) AS s;
SELECT typeof(NULL), typeof('x'), typeof(true);
