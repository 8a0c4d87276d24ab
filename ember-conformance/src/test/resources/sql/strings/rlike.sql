-- RLIKE / REGEXP match anywhere in the string unless anchored.
SELECT 'hello' RLIKE 'ell', 'hello' RLIKE '^ell', 'hello' RLIKE '^h.*o$', 'hello' REGEXP 'l{2}', 'hello' RLIKE 'L';
SELECT 'a1' RLIKE '[0-9]', 'ab' RLIKE '[0-9]', NULL RLIKE 'a', 'x' RLIKE NULL, regexp_like('abc', 'b');
CREATE OR REPLACE TEMPORARY VIEW w AS SELECT * FROM VALUES ('cat'), ('car'), ('cart'), ('dog') AS w(word);
SELECT word FROM w WHERE word RLIKE '^ca[rt]$';
